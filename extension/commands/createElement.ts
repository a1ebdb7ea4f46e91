// New Element and "Create missing element": choose where the element sits, get the next free ID
// (or the missing one), write the file from the template and open it.
import * as vscode from 'vscode';
import { listElements, type FamilyConfig, type Project } from '../../language/index';
import { elementTemplate, newElementUri } from '../elementTemplate';
import { logError } from '../log';
import type { ProjectManager } from '../projectManager';
import { pickProject } from './pickProject';

interface Place {
  system?: { key: string; title: string; families: string[] };
  part?: { key: string; title: string; families: string[] };
}

export async function newElement(manager: ProjectManager): Promise<void> {
  const project = await pickProject(manager, 'add an element to');
  if (!project) return;
  const cfg = project.config;
  const placeItems = [
    ...cfg.systems.map((s) => ({ label: s.title, description: 'management system', place: { system: s } as Place })),
    ...cfg.leadership.map((p) => ({ label: p.title, description: 'leadership', place: { part: p } as Place })),
  ];
  const place = await vscode.window.showQuickPick(placeItems, { placeHolder: 'New element: which system (or leadership part)?', title: 'opmodel: New Element (1/3)' });
  if (!place) return;
  let discipline: string | undefined;
  if (place.place.system) {
    discipline = await pickDiscipline(project, place.place.system.title);
    if (!discipline) return;
  }
  const owner = place.place.system ?? place.place.part!;
  const families = cfg.families.filter((f) => owner.families.includes(f.key));
  let family: FamilyConfig | undefined = families[0];
  if (families.length > 1) {
    family = (await vscode.window.showQuickPick(families.map((f) => ({ label: f.prefix, description: f.title, family: f })), { placeHolder: 'Which ID family?' }))?.family;
  }
  if (!family) {
    void vscode.window.showWarningMessage(`opmodel: ${owner.title} has no ID family in the config.`);
    return;
  }
  let group = family.groups[0] ?? '';
  if (family.groups.length > 1) {
    const g = await vscode.window.showQuickPick(
      family.groups.map((x) => ({ label: `${family!.prefix}${x}`, description: `next free: ${project.index.nextFreeId(family!, x)}`, group: x })),
      { placeHolder: `Which group of ${family.title}?` },
    );
    if (!g) return;
    group = g.group;
  }
  const id = project.index.nextFreeId(family, group);
  await createElementFile(manager, project, id, family, place.place, discipline);
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
  let discipline: string | undefined;
  if (system) {
    discipline = await pickDiscipline(project, `${id} (${system.title})`);
    if (!discipline) return;
  }
  await createElementFile(manager, project, id, family, { system, part: system ? undefined : part }, discipline);
}

async function pickDiscipline(project: Project, what: string): Promise<string | undefined> {
  const d = await vscode.window.showQuickPick(
    project.config.disciplines.map((x) => ({ label: x.title, description: x.key, key: x.key })),
    { placeHolder: `Discipline of ${what}` },
  );
  return d?.key;
}

async function createElementFile(manager: ProjectManager, project: Project, id: string, family: FamilyConfig, place: Place, discipline: string | undefined): Promise<void> {
  const title = await vscode.window.showInputBox({
    title: `opmodel: ${id}`,
    prompt: `Title of ${id}`,
    placeHolder: 'e.g. Meetings Management',
    validateInput: (v) => (v.trim() ? undefined : 'A title is required.'),
  });
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
