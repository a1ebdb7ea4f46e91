// The extension's entry in the Node extension host (desktop, remote): the same extension, with
// `file:` URIs read from the disk it runs on. The web worker host loads extension.ts directly.
import type * as vscode from 'vscode';
import { NodeWorkspace } from '../language/workspace/nodeWorkspace';
import { activate as activateWith, type OpmodelApi } from './extension';

export { deactivate } from './extension';

export function activate(context: vscode.ExtensionContext): OpmodelApi {
  // Synchronous reads that let the extension host's event loop run every few dozen files: a
  // fraction of the CPU time of callbacks, and requests are still answered while indexing.
  return activateWith(context, new NodeWorkspace({ synchronous: 'yielding' }));
}
