// The repository the diff suites compare: a base commit on main and a feature branch that
// changes the framework in every way `opmodel diff` reports.
import { elementText as el, TempRepo } from '../git/tempRepo';

export interface DiffFixture {
  repo: TempRepo;
  base: string;
  head: string;
}

export function makeDiffRepo(): DiffFixture {
  const repo = TempRepo.create('opmodel-diff-');
  repo.write('docs/opmodel.json', '{}\n');
  repo.write('docs/flm/FLM1.md', el('FLM1', 'Team Charter', 'organization-management', [], 'Agree the charter. Huddles are FLM2.'));
  repo.write('docs/flm/FLM2.md', el('FLM2', 'Huddles', 'organization-management', ['related: [FLM1]'], 'Daily, fifteen minutes.'));
  repo.write('docs/flm/FLM3.md', el('FLM3', 'Meetings', 'organization-management', ['depends_on: [FLM1]'], 'Meetings follow the charter in FLM1.'));
  repo.write('docs/flm/FLM4.md', el('FLM4', 'Visual Board', 'technology-tools', ['related: [FLM7]'], 'The board shows FLM3 actions.'));
  repo.write('docs/flm/FLM5.md', el('FLM5', 'Old Practice', 'mindsets-behaviours', [], 'Retired soon.'));
  repo.write('docs/flm/FLM6.md', el('FLM6', 'Coaching', 'mindsets-behaviours', [], 'Replaces the habits of FLM5.'));
  repo.write('docs/flm/FLM7.md', el('FLM7', 'Escalation', 'processes-procedures', [], 'Escalate early.'));
  repo.write('docs/notes.md', '# Notes\n\nOpen points: FLM99 and FLM10.\n');
  repo.write('README.md', '# A client repository\n');
  const base = repo.commit('base framework');

  repo.git('checkout', '-q', '-b', 'feature');
  // Retitled, text changed (and its mention of FLM2 follows the rename).
  repo.write('docs/flm/FLM1.md', el('FLM1', 'Team Charter and Goals', 'organization-management', [], 'Agree the charter and the goals. Huddles are FLM8.'));
  // Renamed to another file with the same title and text.
  repo.remove('docs/flm/FLM2.md');
  repo.write('docs/flm/FLM8.md', el('FLM8', 'Huddles', 'organization-management', ['related: [FLM1]'], 'Daily, fifteen minutes.'));
  // Moved to another discipline, a new depends_on, and a reference to FLM7 left behind.
  repo.write('docs/flm/FLM4.md', el('FLM4', 'Visual Board', 'processes-procedures', ['related: [FLM7]', 'depends_on: [FLM3]'], 'The board shows FLM3 actions.'));
  // Removed while FLM6 still mentions it.
  repo.remove('docs/flm/FLM5.md');
  // Renamed in the same file.
  repo.write('docs/flm/FLM7.md', el('FLM9', 'Escalation', 'processes-procedures', [], 'Escalate early.'));
  // Added: the notes' dangling FLM10 now resolves; FLM99 is taken out.
  repo.write('docs/flm/FLM10.md', el('FLM10', 'Retrospectives', 'processes-procedures', [], 'Look back every month.'));
  repo.write('docs/notes.md', '# Notes\n\nOpen points: FLM10.\n');
  const head = repo.commit('rework the first-line elements');
  return { repo, base, head };
}
