// Gives every finding of a check report its ID and line-independent fingerprint, reading each
// file with findings once more through its project's workspace.
import { decodeText, fingerprintFindings, hashText } from '../../language/index';
import type { CliDiagnostic } from '../formatters';
import type { Opened } from '../openProjects';

const READ_CONCURRENCY = 32;

export async function addFingerprints(diagnostics: CliDiagnostic[], opened: Opened[]): Promise<void> {
  const byUri = new Map<string, CliDiagnostic[]>();
  for (const d of diagnostics) {
    const list = byUri.get(d.uri) ?? [];
    list.push(d);
    byUri.set(d.uri, list);
  }
  // Read back in parallel, as the index read them: one at a time, the reads would dominate.
  const work = [...byUri];
  let next = 0;
  const worker = async () => {
    while (next < work.length) {
      const [uri, list] = work[next++]!;
      const project = opened.find((o) => o.project.index.docs.has(uri) || o.project.index.skipped.has(uri))?.project ?? opened[0]!.project;
      const doc = project.index.docs.get(uri);
      let text: string | undefined;
      if (doc) {
        const bytes = await project.workspace.readFile(uri).catch(() => undefined);
        const decoded = bytes && decodeText(bytes, Number.MAX_SAFE_INTEGER);
        // Changed since it was indexed: its ranges no longer fit, so the message stands in.
        if (decoded && 'text' in decoded && hashText(decoded.text) === doc.version) text = decoded.text;
      }
      const prints = fingerprintFindings(list, text, project.syntax, doc?.definition?.id);
      list.forEach((d, i) => Object.assign(d, prints[i]));
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, work.length) }, worker));
}
