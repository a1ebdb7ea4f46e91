import type { Rule } from './rule';

export const invalidFrontMatter: Rule = {
  code: 'invalid-front-matter',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'Front matter that does not parse as YAML, is not a mapping, is never closed, or is not YAML at all.',
  check({ doc, report }) {
    const e = doc.frontMatter?.error;
    if (e) report({ range: e.range, message: `Invalid front matter: ${e.message}.` });
  },
};
