// ID -> definitions and references across a framework, updated one document at a time.
// Diagnostics are cached per document; an update invalidates exactly the documents whose
// answer can change, so the result after any sequence of updates equals a full rescan.
// A client project indexes its base frameworks too: each document belongs to a layer, and
// the highest layer that defines an ID defines it (a client document tailors a base element).
import type { FamilyConfig, OpmodelConfig } from '../config/config';
import type { IdSyntax } from '../ids/idSyntax';
import { nextFreeId } from '../ids/nextFreeId';
import { idNeighbours, suggestIds } from '../ids/suggest';
import { EVERYTHING_IN_SCOPE, type ScopeView } from '../layers/scope';
import type { MalformedId, ParsedDocument, Reference } from '../parse/document';
import { isNamedAfterId } from '../fixes/renameFile';
import type { Diagnostic } from '../types';
import { OccurrenceTable } from './occurrenceTable';

export interface SkippedFile {
  uri: string;
  reason: string;
}

const SUGGESTION_CACHE_SIZE = 10_000;

export class FrameworkIndex {
  readonly docs = new Map<string, ParsedDocument>();
  readonly skipped = new Map<string, SkippedFile>();
  /** Canonical ID -> URIs of the documents that define it. */
  private readonly defs = new Map<string, string[]>();
  /** Canonical ID -> a URI per reference to it. */
  private readonly refs = new OccurrenceTable();
  /** Canonical ID -> a URI per misspelling of it (their malformed-id message says whether it exists). */
  private readonly misspelt = new OccurrenceTable();
  /** File URI -> a URI per relative link to it. */
  private readonly inbound = new OccurrenceTable();
  private readonly diagnosticsCache = new Map<string, Diagnostic[]>();
  /** Documents whose diagnostics depend on the set of defined IDs as a whole. */
  private readonly dependsOnAllDefs = new Set<string>();
  private defsGeneration = 0;
  private sortedIdsCache: { generation: number; ids: string[] } | undefined;
  private nextFreeCache = { generation: -1, ids: new Map<string, string>() };
  private suggestionCache = { generation: -1, ids: new Map<string, string[]>() };
  private loading = false;
  /** Layer of each document; documents not listed are in the own layer. */
  private readonly layerOfDoc = new Map<string, number>();
  /** Canonical ID -> layer -> how many documents of that layer define it. */
  private readonly layerCounts = new Map<string, Map<number, number>>();
  /** The project's own layer (the highest); base frameworks are below it. */
  ownLayer = 0;
  /** The client's scope over base elements; "did you mean" offers only IDs in scope. */
  scope: ScopeView = EVERYTHING_IN_SCOPE;

  constructor(
    /** Messages name other files relative to this root. */
    readonly rootUri: string,
    readonly config: OpmodelConfig,
    readonly syntax: IdSyntax,
    private readonly computeDiagnostics: (doc: ParsedDocument, index: FrameworkIndex) => Diagnostic[],
  ) {}

  /** Adds or replaces a document; returns the URIs whose diagnostics may have changed. */
  set(doc: ParsedDocument, layer = this.layerOf(doc.uri)): Set<string> {
    const old = this.docs.get(doc.uri);
    this.skipped.delete(doc.uri);
    if (old) this.unlink(old);
    this.docs.set(doc.uri, doc);
    if (layer === this.ownLayer) this.layerOfDoc.delete(doc.uri);
    else this.layerOfDoc.set(doc.uri, layer);
    this.link(doc);
    return this.invalidate(doc.uri, old, doc);
  }

  delete(uri: string): Set<string> {
    const old = this.docs.get(uri);
    const hadSkip = this.skipped.delete(uri);
    if (!old) return hadSkip ? new Set([uri]) : new Set();
    this.unlink(old);
    this.docs.delete(uri);
    this.layerOfDoc.delete(uri);
    return this.invalidate(uri, old, undefined);
  }

  skip(file: SkippedFile): Set<string> {
    const affected = this.delete(file.uri);
    this.skipped.set(file.uri, file);
    affected.add(file.uri);
    return affected;
  }

  /**
   * A full load (Project.scan): until endLoad(), updates skip working out which other documents
   * they affect, and endLoad() drops every cached diagnostic instead. Per-document invalidation
   * was about a tenth of a cold start, spent on caches that were still empty.
   */
  beginLoad(): void {
    this.loading = true;
  }

  endLoad(): void {
    this.loading = false;
    this.defsGeneration++;
    this.diagnosticsCache.clear();
    this.dependsOnAllDefs.clear();
  }

  layerOf(uri: string): number {
    return this.layerOfDoc.get(uri) ?? this.ownLayer;
  }

  /** The documents that define `id` in the highest layer that defines it (several: a duplicate). */
  definitions(id: string): ParsedDocument[] {
    const uris = this.defs.get(id);
    if (!uris) return [];
    if (uris.length === 1 || this.layerOfDoc.size === 0) return uris.map((u) => this.docs.get(u)!);
    const top = this.definitionLayer(id)!;
    return uris.filter((u) => this.layerOf(u) === top).map((u) => this.docs.get(u)!);
  }

  /** Every definition in every layer, highest layer first. */
  allDefinitions(id: string): ParsedDocument[] {
    return (this.defs.get(id) ?? []).map((u) => this.docs.get(u)!).sort((a, b) => this.layerOf(b.uri) - this.layerOf(a.uri));
  }

  definitionsInLayer(id: string, layer: number): ParsedDocument[] {
    return (this.defs.get(id) ?? []).filter((u) => this.layerOf(u) === layer).map((u) => this.docs.get(u)!);
  }

  /** The highest layer that defines `id` (from per-layer counts: thousands of copies cost nothing here). */
  definitionLayer(id: string): number | undefined {
    if (!this.defs.has(id)) return undefined;
    if (this.ownLayer === 0) return 0;
    let top: number | undefined;
    for (const l of this.layerCounts.get(id)?.keys() ?? []) if (top === undefined || l > top) top = l;
    return top;
  }

  /** How many documents of one layer define `id`. */
  definitionCountInLayer(id: string, layer: number): number {
    if (this.ownLayer === 0) return layer === 0 ? (this.defs.get(id)?.length ?? 0) : 0;
    return this.layerCounts.get(id)?.get(layer) ?? 0;
  }

  /** An element's title: a tailored element without a title of its own has the one it tailors. */
  titleOf(id: string): string | undefined {
    for (const d of this.definitionChain(id)) if (d.title) return d.title;
    return undefined;
  }

  /** The first definition in each layer that defines `id`, highest first: [tailored, ..., original]. */
  definitionChain(id: string): ParsedDocument[] {
    const uris = this.defs.get(id);
    if (!uris) return [];
    if (uris.length === 1 || this.layerOfDoc.size === 0) return [this.docs.get(uris[0]!)!];
    const byLayer = new Map<number, ParsedDocument>();
    for (const u of uris) {
      const l = this.layerOf(u);
      if (!byLayer.has(l)) byLayer.set(l, this.docs.get(u)!);
    }
    return [...byLayer.entries()].sort((a, b) => b[0] - a[0]).map(([, d]) => d);
  }

  /** URIs of the documents that define `id`, in URI order (not a copy: do not change it). */
  definitionUris(id: string): readonly string[] {
    return this.defs.get(id) ?? [];
  }

  /** The first definition in URI order in the highest layer that defines `id`, without listing thousands of duplicates. */
  firstDefinition(id: string): ParsedDocument | undefined {
    const uris = this.defs.get(id);
    if (!uris) return undefined;
    if (uris.length === 1 || this.layerOfDoc.size === 0) return this.docs.get(uris[0]!);
    const top = this.definitionLayer(id);
    const u = uris.find((x) => this.layerOf(x) === top);
    return u === undefined ? undefined : this.docs.get(u);
  }

  isDefined = (id: string): boolean => this.defs.has(id);

  /** Defined IDs in framework order (cached until a definition changes). */
  definedIds(): string[] {
    if (this.sortedIdsCache?.generation !== this.defsGeneration) {
      this.sortedIdsCache = { generation: this.defsGeneration, ids: [...this.defs.keys()].sort(this.syntax.compare) };
    }
    return this.sortedIdsCache.ids;
  }

  /**
   * The lowest unused ID of a family and group, cached until a definition changes. Counting up
   * from 1 for every duplicate-id and missing-id made a full check grow with the square of the size.
   */
  nextFreeId(family: FamilyConfig, group = family.groups[0] ?? ''): string {
    if (this.nextFreeCache.generation !== this.defsGeneration) this.nextFreeCache = { generation: this.defsGeneration, ids: new Map() };
    const key = `${family.key} ${group}`;
    let id = this.nextFreeCache.ids.get(key);
    if (id === undefined) this.nextFreeCache.ids.set(key, (id = nextFreeId(this.syntax, family, this.isDefined, group)));
    return id;
  }

  /**
   * "Did you mean" IDs for an undefined ID, cached until a definition changes: a displaced ID
   * is cited by many documents, and each computed the same ~100 neighbours. At most
   * SUGGESTION_CACHE_SIZE entries, so that typing many different unknown IDs cannot grow it.
   */
  suggestionsFor(id: string): readonly string[] {
    const cache = this.suggestionCache;
    if (cache.generation !== this.defsGeneration || cache.ids.size >= SUGGESTION_CACHE_SIZE) this.suggestionCache = { generation: this.defsGeneration, ids: new Map() };
    let ids = this.suggestionCache.ids.get(id);
    if (!ids) this.suggestionCache.ids.set(id, (ids = suggestIds(this.syntax, id, (x) => this.isDefined(x) && this.scope.inScope(x))));
    return ids;
  }

  referenceCount(id: string): number {
    return this.refs.count(id);
  }

  /** Documents that reference `id`, in URI order. */
  referrers(id: string): string[] {
    return this.refs.uris(id);
  }

  references(id: string): { uri: string; ref: Reference }[] {
    const out: { uri: string; ref: Reference }[] = [];
    for (const uri of this.referrers(id)) for (const ref of this.docs.get(uri)!.referencesTo(id)) out.push({ uri, ref });
    return out;
  }

  /** Documents with a relative link to `uri`, in URI order. */
  linkedFrom(uri: string): string[] {
    return this.inbound.uris(uri);
  }

  /** Non-canonical spellings of `id` (`flm3`, `FLM 3`), in URI order. */
  misspellings(id: string): { uri: string; malformed: MalformedId }[] {
    const out: { uri: string; malformed: MalformedId }[] = [];
    for (const uri of this.misspelt.uris(id)) for (const m of this.docs.get(uri)!.malformed) if (m.canonical === id) out.push({ uri, malformed: m });
    return out;
  }

  diagnostics(uri: string): Diagnostic[] {
    let d = this.diagnosticsCache.get(uri);
    if (d) return d;
    const doc = this.docs.get(uri);
    d = doc ? this.computeDiagnostics(doc, this) : [];
    this.diagnosticsCache.set(uri, d);
    if (doc && d.some((x) => x.code === 'duplicate-id' || x.code === 'missing-id')) this.dependsOnAllDefs.add(uri);
    else this.dependsOnAllDefs.delete(uri);
    return d;
  }

  private link(doc: ParsedDocument) {
    const id = doc.definition?.id;
    if (id && this.ownLayer > 0) {
      const layer = this.layerOf(doc.uri);
      const counts = this.layerCounts.get(id) ?? this.layerCounts.set(id, new Map()).get(id)!;
      counts.set(layer, (counts.get(layer) ?? 0) + 1);
    }
    if (id) {
      const list = this.defs.get(id);
      // Inserted in order: sorting on every insert made 5,000 definitions of one ID quadratic.
      if (list) list.splice(sortedIndex(list, doc.uri), 0, doc.uri);
      else this.defs.set(id, [doc.uri]);
    }
    for (const r of doc.references) this.refs.add(r.id, doc.uri);
    for (const x of doc.malformed) this.misspelt.add(x.canonical, doc.uri);
    for (const target of linkTargets(doc)) this.inbound.add(target, doc.uri);
  }

  private unlink(doc: ParsedDocument) {
    const id = doc.definition?.id;
    if (id && this.ownLayer > 0) {
      const counts = this.layerCounts.get(id);
      const layer = this.layerOf(doc.uri);
      if (counts) {
        const n = (counts.get(layer) ?? 1) - 1;
        if (n > 0) counts.set(layer, n);
        else counts.delete(layer);
        if (!counts.size) this.layerCounts.delete(id);
      }
    }
    if (id) {
      const list = this.defs.get(id)!.filter((u) => u !== doc.uri);
      if (list.length) this.defs.set(id, list);
      else this.defs.delete(id);
    }
    // Once per key: a removal scans every occurrence of the key.
    for (const id of new Set(doc.references.map((r) => r.id))) this.refs.remove(id, doc.uri);
    for (const id of new Set(doc.malformed.map((x) => x.canonical))) this.misspelt.remove(id, doc.uri);
    for (const target of linkTargets(doc)) this.inbound.remove(target, doc.uri);
  }

  private invalidate(uri: string, old: ParsedDocument | undefined, now: ParsedDocument | undefined): Set<string> {
    const affected = new Set<string>([uri]);
    const before = old?.definition?.id;
    const after = now?.definition?.id;
    // Titles of definitions appear in other documents' messages ("did you mean FLM7 (title)").
    const definitionChanged = before !== after || old?.title !== now?.title;
    if (this.loading) {
      if (definitionChanged) this.defsGeneration++;
      this.diagnosticsCache.delete(uri);
      return affected;
    }
    if (definitionChanged) {
      this.defsGeneration++;
      for (const id of [before, after]) {
        if (!id) continue;
        for (const u of this.defs.get(id) ?? []) affected.add(u);
        for (const u of this.refs.occurrences(id)) affected.add(u);
        for (const u of this.misspelt.occurrences(id)) affected.add(u);
        // Suggestions for unknown neighbours ("did you mean") may now include or lose this ID.
        for (const n of idNeighbours(this.syntax, id)) for (const u of this.refs.occurrences(n)) affected.add(u);
      }
      for (const u of this.dependsOnAllDefs) affected.add(u);
    }
    // A misnamed element's fix rewrites the links to it: they moved or changed with this document.
    for (const d of [old, now]) {
      for (const t of d ? linkTargets(d) : []) {
        const target = this.docs.get(t);
        if (target && !isNamedAfterId(target)) affected.add(t);
      }
    }
    for (const u of affected) this.diagnosticsCache.delete(u);
    return affected;
  }
}

function linkTargets(doc: ParsedDocument): Set<string> {
  return new Set(doc.links.map((l) => l.target));
}

function sortedIndex(list: readonly string[], value: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
