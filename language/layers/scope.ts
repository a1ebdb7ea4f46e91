// Which elements of the base frameworks a project adopts. A layer's `scope` filters the layers
// below it; a project's own elements are always in scope.
import { scopeAdmits } from '../config/scopeConfig';
import { scopeFix } from '../fixes/scopeFix';
import type { FrameworkIndex } from '../indexer/frameworkIndex';
import type { Fix } from '../types';
import { displayPath } from './displayPath';
import type { Layer } from './loadLayers';

export interface OutOfScope {
  /** "opmodel.json excludes GOV2", in words. */
  reason: string;
  /** Puts the ID in scope by editing the project's opmodel.json (absent when another layer decides). */
  fix?: Fix;
}

export interface ScopeView {
  inScope(id: string): boolean;
  outOfScope(id: string): OutOfScope | undefined;
}

export const EVERYTHING_IN_SCOPE: ScopeView = { inScope: () => true, outOfScope: () => undefined };

export class LayerScope implements ScopeView {
  constructor(
    private readonly layers: readonly Layer[],
    private readonly index: FrameworkIndex,
  ) {}

  inScope(id: string): boolean {
    return this.excludingLayer(id) === undefined;
  }

  outOfScope(id: string): OutOfScope | undefined {
    const layer = this.excludingLayer(id);
    if (!layer) return undefined;
    const scope = layer.config.scope!;
    const family = this.familyOf(id);
    const own = layer.index === this.layers.length - 1;
    const file = own ? 'opmodel.json' : displayPath(this.layers[this.layers.length - 1]!.rootUri, layer.configUri ?? layer.rootUri);
    const why = scope.exclude.includes(id)
      ? `${file} excludes ${id}`
      : family && scope.exclude.includes(family) && !scope.include?.includes(id)
        ? `${file} excludes the ${family} family`
        : `${id} is not in the include list of ${file}`;
    if (!own || !layer.configUri || layer.configText === undefined) return { reason: why };
    const familyIds = family ? this.index.definedIds().filter((x) => x !== id && this.familyOf(x) === family && this.index.definitionLayer(x)! < layer.index) : [];
    return { reason: why, fix: scopeFix(layer.configText, layer.configUri, id, family, scope, familyIds) };
  }

  /** The lowest layer above the defining one whose scope leaves `id` out. */
  private excludingLayer(id: string): Layer | undefined {
    const defined = this.index.definitionLayer(id);
    if (defined === undefined) return undefined;
    let family: string | undefined;
    for (let l = defined + 1; l < this.layers.length; l++) {
      const scope = this.layers[l]!.config.scope;
      if (!scope) continue;
      family ??= this.familyOf(id);
      if (!scopeAdmits(scope, id, family)) return this.layers[l];
    }
    return undefined;
  }

  private familyOf(id: string): string | undefined {
    return this.index.syntax.parse(id)?.family.key;
  }
}
