// New Element and "Create missing element": choose where the element sits, get the next free ID
// (or the missing one), write the file from the template and open it.
import * as vscode from 'vscode';
import { listElements, type FamilyConfig, type Project } from '../../language/index';
import { elementTemplate, newElementUri } from '../elementTemplate';
import { logError } from '../log';
import { familiesOf, stepOf, type Choices, type Place } from '../newElementSteps';
import type { ProjectManager } from '../projectManager';
import { pickProject } from './pickProject';

const NEW_ELEMENT = 'opmodel: New Element';

export async function newElement(manager: ProjectManager): Promise<void> {
  const project = await pickProject(manager, 'add an element to');
  if (!project) return;
  const cfg = project.config;
  const choices: Choices = {};
  const placeItems = [
    ...cfg.systems.map((s) => ({ label: s.title, description: 'management system', place: { system: s } as Place })),
    ...cfg.leadership.map((p) => ({ label: p.title, description: 'leadership', place: { part: p } as Place })),
  ];
  const place = await pickStep({
    title: NEW_ELEMENT,
    placeholder: 'Which management system (or leadership part)?',
    items: placeItems,
    count: (active) => stepOf(cfg, { place: active?.place }, 'place'),
  });
  if (!place) return;
  choices.place = place.place;
  let discipline: string | undefined;
  if (place.place.system) {
    discipline = await pickDiscipline(project, `Discipline of the new ${place.place.system.title} element`, NEW_ELEMENT, stepOf(cfg, choices, 'discipline'));
    if (!discipline) return;
  }
  const owner = place.place.system ?? place.place.part!;
  const families = familiesOf(cfg, place.place);
  let family: FamilyConfig | undefined = families[0];
  if (families.length > 1) {
    family = (
      await pickStep({
        title: NEW_ELEMENT,
        placeholder: `Which ID family of ${owner.title}?`,
        items: families.map((f) => ({ label: f.prefix, description: f.title, family: f })),
        count: (active) => stepOf(cfg, { ...choices, family: active?.family }, 'family'),
      })
    )?.family;
    if (!family) return;
  }
  if (!family) {
    void vscode.window.showWarningMessage(`opmodel: ${owner.title} has no ID family in the config.`);
    return;
  }
  choices.family = family;
  let group = family.groups[0] ?? '';
  if (family.groups.length > 1) {
    const g = await pickStep({
      title: NEW_ELEMENT,
      placeholder: `Which group of ${family.title}?`,
      items: family.groups.map((x) => ({ label: `${family!.prefix}${x}`, description: `next free: ${project.index.nextFreeId(family!, x)}`, group: x })),
      count: () => stepOf(cfg, choices, 'group'),
    });
    if (!g) return;
    group = g.group;
  }
  const id = project.index.nextFreeId(family, group);
  await createElementFile(manager, project, id, family, place.place, discipline, { title: NEW_ELEMENT, ...stepOf(cfg, choices, 'title') });
}

export async function createMissingElement(manager: ProjectManager, rootUri: string, id: string): Promise<void> {
  const project = manager.projects().find((p) => p.rootUri === rootUri);
  const family = project?.syntax.familyOf(id);
  if (!project || !family) return;
  if (project.index.isDefined(id)) {
    void vscode.window.showInformationMessage(`opmodel: ${id} already exists.`);
    return;
  }
  const system = project.config.systems.find((s) => s.families.includes(family.key));
  const part = project.config.leadership.find((p) => p.families.includes(family.key));
  const title = `opmodel: Create ${id}`;
  const totalSteps = system ? 2 : 1;
  let discipline: string | undefined;
  if (system) {
    discipline = await pickDiscipline(project, `Discipline of ${id} (${system.title})`, title, { step: 1, totalSteps });
    if (!discipline) return;
  }
  await createElementFile(manager, project, id, family, { system, part: system ? undefined : part }, discipline, { title, step: totalSteps, totalSteps });
}

interface StepTitle {
  title: string;
  step: number;
  totalSteps: number;
}

/** One step of a wizard: a quick pick whose "n/N" follows the highlighted item. */
function pickStep<T extends vscode.QuickPickItem>(opts: { title: string; placeholder: string; items: T[]; count: (active: T | undefined) => { step: number; totalSteps: number } }): Promise<T | undefined> {
  const qp = vscode.window.createQuickPick<T>();
  qp.title = opts.title;
  qp.placeholder = opts.placeholder;
  qp.items = opts.items;
  const count = () => Object.assign(qp, opts.count(qp.activeItems[0]));
  count();
  return new Promise((resolve) => {
    const done = [
      qp.onDidChangeActive(count),
      qp.onDidAccept(() => {
        resolve(qp.selectedItems[0] ?? qp.activeItems[0]);
        qp.hide();
      }),
      qp.onDidHide(() => {
        resolve(undefined);
        for (const d of done) d.dispose();
        qp.dispose();
      }),
    ];
    qp.show();
  });
}

async function pickDiscipline(project: Project, placeholder: string, title: string, step: { step: number; totalSteps: number }): Promise<string | undefined> {
  const d = await pickStep({
    title,
    placeholder,
    items: project.config.disciplines.map((x) => ({ label: x.title, description: x.key, key: x.key })),
    count: () => step,
  });
  return d?.key;
}

/** The last step: the title, in an input box that refuses an empty one. */
function askTitle(id: string, step: StepTitle): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  Object.assign(box, step);
  box.prompt = `Title of ${id}`;
  box.placeholder = 'e.g. Meetings Management';
  return new Promise((resolve) => {
    const done = [
      box.onDidChangeValue((v) => (box.validationMessage = v.trim() ? undefined : 'A title is required.')),
      box.onDidAccept(() => {
        if (!box.value.trim()) {
          box.validationMessage = 'A title is required.';
          return;
        }
        resolve(box.value);
        box.hide();
      }),
      box.onDidHide(() => {
        resolve(undefined);
        for (const d of done) d.dispose();
        box.dispose();
      }),
    ];
    box.show();
  });
}

async function createElementFile(manager: ProjectManager, project: Project, id: string, family: FamilyConfig, place: Place, discipline: string | undefined, step: StepTitle): Promise<void> {
  const title = await askTitle(id, step);
  if (title === undefined) return;
  const sibling = listElements(project).find((e) => e.family === family.key);
  const type = sibling?.type ?? 'element';
  const uri = newElementUri(project.rootUri, id, sibling?.location.uri, place.system?.key ?? place.part?.key);
  const target = vscode.Uri.parse(uri);
  try {
    const exists = await vscode.workspace.fs.stat(target).then(() => true, () => false);
    if (exists) {
      void vscode.window.showErrorMessage(`opmodel: ${vscode.workspace.asRelativePath(target)} already exists; ${id} was not created.`);
      return;
    }
    const text = elementTemplate({ id, title, type, system: place.system?.key, discipline, part: place.part?.key });
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    // Index it now rather than waiting for the file watcher.
    manager.indexText(project, uri, text);
    const editor = await vscode.window.showTextDocument(target);
    const line = text.split('\n').findIndex((l) => l.startsWith('summary:'));
    if (line >= 0) {
      const pos = new vscode.Position(line, 'summary: "'.length);
      editor.selection = new vscode.Selection(pos, pos);
    }
  } catch (e) {
    logError(`Creating ${id}`, uri, e);
    void vscode.window.showErrorMessage(`opmodel: could not create ${vscode.workspace.asRelativePath(target)}: ${(e as Error).message}`);
  }
}
