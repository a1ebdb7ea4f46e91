// The server's settings: the keys of the VS Code extension's `opmodel.*` settings (severity,
// include, exclude, debounceMs), from the "opmodel" section of the client's configuration
// (workspace/configuration, per folder), else from workspace/didChangeConfiguration or the
// initialization options.
import type { Connection } from 'vscode-languageserver/node';
import { readSettings, type EditorSettings } from '../language/index';
import { guardTask, withTimeout, type Log } from './log';

export const SECTION = 'opmodel';
const KEYS = ['severity', 'include', 'exclude', 'debounceMs'];
const ANSWER_MS = 5000;
const NO_ANSWER = Symbol('no answer');

export class Settings {
  private pushed: Record<string, unknown> = {};
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    /** The client answers workspace/configuration. */
    private pull: boolean,
    private readonly log: Log,
    initializationOptions: unknown,
  ) {
    this.pushed = sectionOf(initializationOptions);
  }

  /** Settings sent with workspace/didChangeConfiguration. */
  changed(settings: unknown): void {
    const s = sectionOf(settings);
    if (Object.keys(s).length) this.pushed = s;
  }

  async for(folderUri: string): Promise<EditorSettings> {
    let raw: Record<string, unknown> = this.pushed;
    if (this.pull) {
      await guardTask(this.log, 'Reading the "opmodel" settings', folderUri, async () => {
        const asked: Promise<unknown> = this.connection.workspace.getConfiguration({ scopeUri: folderUri, section: SECTION });
        const answer = await withTimeout(asked, ANSWER_MS, NO_ANSWER);
        if (answer === NO_ANSWER) {
          // Not asked again: every framework would wait as long.
          this.pull = false;
          return this.log.warn(`The client did not answer workspace/configuration within ${ANSWER_MS / 1000} s; using the initialization options.`);
        }
        if (answer && typeof answer === 'object' && !Array.isArray(answer)) raw = { ...raw, ...(answer as Record<string, unknown>) };
      });
    }
    const { settings, problems } = readSettings(raw);
    for (const p of problems) if (!this.reported.has(p) && this.reported.add(p)) this.log.error(`Settings: ${p}`);
    return settings;
  }
}

/** `{ "opmodel": { … } }`, or the keys themselves at the top (as some clients pass options). */
function sectionOf(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const v = value as Record<string, unknown>;
  const inner = v[SECTION];
  if (inner && typeof inner === 'object' && !Array.isArray(inner)) return inner as Record<string, unknown>;
  return Object.fromEntries(Object.entries(v).filter(([k]) => KEYS.includes(k)));
}
