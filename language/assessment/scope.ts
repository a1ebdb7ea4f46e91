// Which elements an assessment may score and is expected to score: every ID the framework defines
// that is in the engagement's scope (a client repository's `scope` in opmodel.json leaves out the
// rest of the framework it extends); every assessment feature follows.
import type { OpmodelConfig } from '../config/config';
import type { FrameworkIndex } from '../indexer/frameworkIndex';

export interface AssessmentScope {
  /** True when an assessment may score `id`. */
  includes(id: string): boolean;
  /** Every ID in scope, in framework order. */
  ids(): readonly string[];
}

export function assessmentScope(index: FrameworkIndex, _config: OpmodelConfig): AssessmentScope {
  // Only IDs of a family: a document whose `id:` is no ID at all (invalid-id) is nothing to score.
  const includes = (id: string) => index.isDefined(id) && index.scope.inScope(id) && !!index.definitions(id)[0]?.definition?.familyKey;
  return { includes, ids: () => index.definedIds().filter(includes) };
}
