import type { FamilyConfig } from '../config/config';
import type { IdSyntax } from './idSyntax';

/** The lowest unused number in a family (in its first group, for grouped families). */
export function nextFreeId(syntax: IdSyntax, family: FamilyConfig, isDefined: (id: string) => boolean, group = family.groups[0] ?? ''): string {
  for (let n = 1; ; n++) {
    const id = syntax.format(family, group, n);
    if (!isDefined(id)) return id;
  }
}
