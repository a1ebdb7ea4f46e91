// Glossary documents as data, and the hover on a glossary term in prose: exact ranges, case and
// plural rules, and quiet everywhere else (front matter, code, links, IDs, the glossary itself).
import { describe, expect, it } from 'vitest';
import { glossaryHover, hover } from '../../language/index';
import { element, openMemory, rangeOf, u } from '../helpers';

const GLOSSARY = `---
title: Glossary
type: glossary
---

# Glossary

## H

### Hypercare
The period after go-live in which extra staff protect the new service.

*Where it matters:* OM1, UM15.

### OLA (operating-level agreement)
An agreement between two internal teams
on what one provides to the other.

*Where it matters:* OM19.

### P1 to P4 (incident priorities)
Incident priorities from an impact and urgency matrix.

*Where it matters:* CORE-B3.

### Recovery time objective
How long a service may be down after a disaster.

### Recovery point objective
How much data a service may lose.
`;

const NOTES = [
  '---',
  'title: Notes',
  'summary: hypercare in front matter',
  '---',
  '',
  'After go-live, Hypercare lasts sixty days; two OLAs cover the hand-offs.',
  'The ola word in lower case, an operating-level agreement, and a P3 ticket.',
  'Agree the recovery time objective first.',
  '`hypercare in code` and [hypercare link](https://example.com/hypercare) and <!-- hypercare -->',
  'Hypercareless and prehypercare are other words. See FLM1.',
  '',
].join('\n');

async function setup(extra: Record<string, string> = {}) {
  return openMemory({
    'glossary.md': GLOSSARY,
    'notes.md': NOTES,
    'flm/FLM1.md': element('FLM1', 'first-line-management', 'organization-management', '# FLM1\n'),
    ...extra,
  });
}

const at = (text: string, needle: string, occurrence = 0, offset = 1) => {
  const r = rangeOf(text, needle, occurrence);
  return { line: r.start.line, character: r.start.character + offset };
};

describe('glossary documents', () => {
  it('reads each ### heading as a term with its forms, definition and where it matters', async () => {
    const { project } = await setup();
    const g = project.document(u('glossary.md'))!.glossary!;
    expect(g.map((e) => [e.term, e.forms])).toEqual([
      ['Hypercare', ['Hypercare']],
      ['OLA (operating-level agreement)', ['OLA', 'operating-level agreement']],
      ['P1 to P4 (incident priorities)', ['P1', 'P2', 'P3', 'P4', 'incident priorities']],
      ['Recovery time objective', ['Recovery time objective']],
      ['Recovery point objective', ['Recovery point objective']],
    ]);
    expect(g[1]!.definition).toBe('An agreement between two internal teams on what one provides to the other.');
    expect(g[1]!.where).toBe('OM19.');
    expect(g[3]!.where).toBe('');
    expect(project.document(u('notes.md'))!.glossary).toBeUndefined();
  });
});

describe('glossary hover', () => {
  it('answers on a term in prose with its exact range, definition, where it matters and a link to the glossary', async () => {
    const { project } = await setup();
    const h = glossaryHover(project, u('notes.md'), NOTES, at(NOTES, 'Hypercare'))!;
    expect(h.term).toBe('Hypercare');
    expect(h.range).toEqual(rangeOf(NOTES, 'Hypercare'));
    expect(h.location).toEqual({ uri: u('glossary.md'), range: rangeOf(GLOSSARY, 'Hypercare') });
    expect(h.markdown).toBe(['**Hypercare**', '', 'The period after go-live in which extra staff protect the new service.', '', '_Where it matters:_ OM1, UM15.', '', `[Glossary](${u('glossary.md')})`].join('\n'));
  });

  it('matches acronyms in their own case, words in any case, plurals, aliases and the longest phrase', async () => {
    const { project } = await setup();
    const term = (needle: string, occurrence = 0) => glossaryHover(project, u('notes.md'), NOTES, at(NOTES, needle, occurrence))?.term;
    expect(term('OLAs')).toBe('OLA (operating-level agreement)');
    expect(glossaryHover(project, u('notes.md'), NOTES, at(NOTES, 'OLAs'))!.range).toEqual(rangeOf(NOTES, 'OLAs'));
    expect(term('ola word')).toBeUndefined();
    expect(term('operating-level agreement')).toBe('OLA (operating-level agreement)');
    expect(term('P3')).toBe('P1 to P4 (incident priorities)');
    const h = glossaryHover(project, u('notes.md'), NOTES, at(NOTES, 'recovery time objective', 0, 12))!;
    expect([h.term, h.range]).toEqual(['Recovery time objective', rangeOf(NOTES, 'recovery time objective')]);
  });

  it('stays quiet in front matter, code, link targets, comments and inside longer words (link text is prose)', async () => {
    const { project } = await setup();
    const quiet = (needle: string, occurrence = 0) => expect(glossaryHover(project, u('notes.md'), NOTES, at(NOTES, needle, occurrence)), needle).toBeUndefined();
    quiet('hypercare in front matter');
    quiet('hypercare in code');
    quiet('hypercare', 3); // the URL
    quiet('hypercare -->');
    quiet('Hypercareless');
    quiet('prehypercare', 0);
    expect(glossaryHover(project, u('notes.md'), NOTES, at(NOTES, 'hypercare link'))?.term).toBe('Hypercare');
  });

  it('answers a term but leaves an ID to the ID hover', async () => {
    const { project } = await setup();
    expect(glossaryHover(project, u('notes.md'), NOTES, at(NOTES, 'Hypercare lasts'))?.term).toBe('Hypercare');
    expect(hover(project, u('notes.md'), at(NOTES, 'FLM1'))?.id).toBe('FLM1');
    const g = `${GLOSSARY}\n### FLM\nNot a term anyone should define, but if they do, the ID still wins.\n`;
    const { project: p2 } = await setup({ 'glossary.md': g });
    expect(glossaryHover(p2, u('notes.md'), NOTES, at(NOTES, 'FLM1'))).toBeUndefined();
    expect(glossaryHover(project, u('glossary.md'), GLOSSARY, at(GLOSSARY, 'Hypercare'))).toBeUndefined();
  });

  it('follows edits to the glossary and answers nothing when there is none', async () => {
    const { project } = await setup();
    project.updateText(u('glossary.md'), GLOSSARY.replace('### Hypercare', '### Hypercare period'));
    expect(glossaryHover(project, u('notes.md'), NOTES, at(NOTES, 'Hypercare'))).toBeUndefined();
    project.updateText(u('glossary.md'), GLOSSARY);
    expect(glossaryHover(project, u('notes.md'), NOTES, at(NOTES, 'Hypercare'))?.term).toBe('Hypercare');
    project.remove(u('glossary.md'));
    expect(glossaryHover(project, u('notes.md'), NOTES, at(NOTES, 'Hypercare'))).toBeUndefined();
  });

  it('escapes what the glossary says, so a hover can hold no link, image or HTML from it', async () => {
    const evil = GLOSSARY.replace('The period after go-live', '[click](javascript:alert(1)) <img src=x> The period after go-live');
    const { project } = await setup({ 'glossary.md': evil });
    const md = glossaryHover(project, u('notes.md'), NOTES, at(NOTES, 'Hypercare'))!.markdown;
    expect(md).toContain('\\[click\\]\\(javascript:alert\\(1\\)\\) \\<img src=x\\>');
  });
});
