// Go to Element: a quick pick over every element by ID or title.
import * as vscode from 'vscode';
import { listElements, placeOf } from '../../language/index';
import { guard } from '../log';
import type { ProjectManager } from '../projectManager';
import { openLocation } from './openLocation';

export async function goToElement(manager: ProjectManager): Promise<void> {
  await manager.whenReady();
  const projects = manager.projects();
  const items = projects.flatMap((p) =>
    guard('Go to Element', p.rootUri, [], () =>
      listElements(p).map((e) => ({
        label: e.id,
        description: e.title,
        detail: [placeOf(p, e), projects.length > 1 ? vscode.workspace.asRelativePath(vscode.Uri.parse(p.rootUri), true) : undefined].filter(Boolean).join(' · ') || undefined,
        location: e.location,
      })),
    ),
  );
  if (!items.length) {
    void vscode.window.showWarningMessage('opmodel: no elements found in this workspace.');
    return;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Go to element by ID or title', matchOnDescription: true, matchOnDetail: false });
  if (picked) await openLocation(picked.location.uri, picked.location.range.start.line, picked.location.range.start.character);
}
