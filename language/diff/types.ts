// What changed between two versions of a framework, as plain data. Locations point into the
// version the entry describes: HEAD for what exists after the change, BASE for what is gone.
import type { Location } from '../types';

export interface DiffElement {
  id: string;
  title: string;
  system: string | null;
  discipline: string | null;
  /** The element's `id:` value. */
  location: Location;
}

export interface Renamed {
  from: DiffElement;
  to: DiffElement;
  /** Why the two are one element: the same file, or the same title and text. */
  because: 'same-file' | 'same-content';
}

export interface Retitled {
  id: string;
  from: string;
  to: string;
  /** The `title:` value at HEAD. */
  location: Location;
}

export interface Placement {
  system: string | null;
  discipline: string | null;
}

export interface Moved {
  id: string;
  from: Placement;
  to: Placement;
  /** The `system:` (or `discipline:`) value at HEAD. */
  location: Location;
}

export interface RelationChange {
  id: string;
  field: string;
  added: string[];
  removed: string[];
  /** The field at HEAD, or the element's `id:` when the field is gone. */
  location: Location;
}

export interface Changed {
  id: string;
  /** Front-matter keys whose value changed (besides `id`). */
  fields: string[];
  /** True when the text after the front matter changed. */
  body: boolean;
  location: Location;
}

export interface BrokenReference {
  /** The ID that no longer exists. */
  id: string;
  /** The reference at HEAD. */
  location: Location;
  /** The relation field that holds it; absent in body text. */
  field?: string;
  reason: 'removed' | 'renamed';
  renamedTo?: string;
}

export interface FixedReference {
  id: string;
  /** HEAD location when the reference now resolves, BASE location when it was taken out. */
  location: Location;
  side: 'base' | 'head';
  reason: 'defined' | 'removed';
  field?: string;
}

export interface ImpactReason {
  /** The changed element. */
  id: string;
  /** `depends_on`, another relation field, or `text` for a mention in the body. */
  via: string;
  location: Location;
}

export interface Impact {
  /** The element to review. */
  id: string;
  title: string;
  /** Its first link to a changed element (a `depends_on` item when there is one). */
  location: Location;
  /** The changed elements it depends on or refers to. */
  because: string[];
  reasons: ImpactReason[];
  /** True when the element is itself changed or added by the change. */
  inChange: boolean;
}

export interface FrameworkDiff {
  added: DiffElement[];
  removed: DiffElement[];
  renamed: Renamed[];
  retitled: Retitled[];
  moved: Moved[];
  relations: RelationChange[];
  changed: Changed[];
  broken: BrokenReference[];
  fixed: FixedReference[];
  impact: Impact[];
}
