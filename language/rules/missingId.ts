import { editFix, type Rule } from './rule';

export const missingId: Rule = {
  code: 'missing-id',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'A framework document (front matter with a title and a system, discipline or type) that has no `id`.',
  check({ doc, config, index, syntax, report }) {
    if (doc.definition || !doc.frontMatter || doc.frontMatter.error || !doc.title) return;
    if (!doc.system && !doc.discipline && !doc.type) return;
    const type = doc.type ? config.types.find((t) => t.key === doc.type) : undefined;
    if (type && !type.requiresId) return;
    const familyKey =
      config.systems.find((s) => s.key === doc.system)?.families[0] ??
      config.leadership.find((p) => p.key === doc.fields.get('part')?.value)?.families[0];
    const family = syntax.families.find((f) => f.key === familyKey);
    const id = family ? index.nextFreeId(family) : undefined;
    const title = doc.fields.get('title')!;
    report({
      range: title.keyRange,
      message: `"${doc.title}" has front matter but no id: add an "id:" line${id ? ` (the next free ID is ${id})` : ''}, or give it a type that needs none (${config.types.filter((t) => !t.requiresId).map((t) => t.key).join(', ')}).`,
      fixes: id
        ? [editFix(doc, [{ range: { start: title.keyRange.start, end: title.keyRange.start }, newText: `id: ${id}\n` }], `Add "id: ${id}"`, false, true)]
        : undefined,
    });
  },
};
