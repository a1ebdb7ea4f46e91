// Which elements an assessment may score and is expected to score. Today: every ID the framework
// defines. Client repositories (`extends` and `scope` in opmodel.json) narrow this to the
// engagement's scope here, and every assessment feature follows.
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
  const includes = (id: string) => index.isDefined(id) && !!index.definitions(id)[0]?.definition?.familyKey;
  return { includes, ids: () => index.definedIds().filter(includes) };
}
