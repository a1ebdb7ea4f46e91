// Opens a file at a position: the target of hover links, tree clicks and matrix links.
import * as vscode from 'vscode';

export async function openLocation(uri: string, line = 0, character = 0): Promise<void> {
  const pos = new vscode.Position(Math.max(0, Number(line) || 0), Math.max(0, Number(character) || 0));
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: new vscode.Range(pos, pos), preview: true });
}
