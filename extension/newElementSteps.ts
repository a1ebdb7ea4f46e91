// The steps of the New Element wizard, worked out from the choices made so far. Free of `vscode`,
// so the step counts the wizard shows ("2/4") are unit tested.
import type { FamilyConfig, OpmodelConfig } from '../language/index';

export type StepName = 'place' | 'discipline' | 'family' | 'group' | 'title';

export interface Place {
  system?: { key: string; title: string; families: string[] };
  part?: { key: string; title: string; families: string[] };
}

export interface Choices {
  place?: Place;
  family?: FamilyConfig;
}

/** The families an element of `place` may take its ID from. */
export function familiesOf(cfg: OpmodelConfig, place: Place): FamilyConfig[] {
  const owner = place.system ?? place.part;
  return owner ? cfg.families.filter((f) => owner.families.includes(f.key)) : [];
}

/**
 * Every step the wizard takes with these choices. A choice not made yet counts as the candidate
 * highlighted in its list (the wizard passes the one the user moves to), so that the count
 * follows the selection.
 */
export function wizardSteps(cfg: OpmodelConfig, choices: Choices): StepName[] {
  const steps: StepName[] = ['place'];
  const place = choices.place;
  if (place?.system) steps.push('discipline');
  const families = place ? familiesOf(cfg, place) : [];
  if (families.length > 1) steps.push('family');
  // Before the family is picked, the one its list will highlight first.
  const family = choices.family ?? families[0];
  if (family && family.groups.length > 1) steps.push('group');
  steps.push('title');
  return steps;
}

/** "n/N" for the wizard's title bar: the position of `step` among the steps of these choices. */
export function stepOf(cfg: OpmodelConfig, choices: Choices, step: StepName): { step: number; totalSteps: number } {
  const steps = wizardSteps(cfg, choices);
  return { step: steps.indexOf(step) + 1, totalSteps: steps.length };
}
