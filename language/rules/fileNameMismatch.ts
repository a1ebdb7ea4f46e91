import { fileNameFor, isNamedAfterId, renameFileEdit } from '../fixes/renameFile';
import { basename, dirnameUri, joinUri } from '../workspace/uris';
import type { Rule } from './rule';

export const fileNameMismatch: Rule = {
  code: 'file-name-mismatch',
  defaultSeverity: 'warning',
  scope: 'workspace',
  description: 'An element whose file is not named after its ID (`FLM5` in `meetings.md`): links and the site\'s page names follow the file, readers look for `FLM5.md`.',
  check({ doc, index, report }) {
    // An extended framework's files are read-only: never reported, never renamed from a client.
    if (index.layerOf(doc.uri) !== index.ownLayer) return;
    // Two files defining one ID cannot both be named after it: duplicate-id says what to do first.
    if (isNamedAfterId(doc) || index.definitions(doc.definition!.id).length > 1) return;
    const def = doc.definition!;
    const wanted = fileNameFor(def.id);
    const target = joinUri(dirnameUri(doc.uri), wanted);
    const taken = index.docs.has(target) || index.skipped.has(target);
    report({
      range: def.range,
      message: taken
        ? `${def.id} is defined in ${basename(doc.uri)}, not in a file named after it: ${wanted} in this folder is another file.`
        : `${def.id} is defined in ${basename(doc.uri)}: name the file ${wanted}, after its ID.`,
      // Not safe for `opmodel check --fix`: a renamed file breaks links from outside the framework.
      fixes: taken ? undefined : [{ title: `Rename the file to ${wanted} and update the links to it`, safe: false, preferred: true, edit: renameFileEdit(index, doc.uri, target) }],
    });
  },
};
