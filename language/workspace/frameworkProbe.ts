// Decides whether a folder without opmodel.json holds a framework: some Markdown file in it has
// front matter whose `id` is an element ID of the shipped families. Used by the editor adapters.
import { defaultConfig } from '../config/defaults';
import { IdSyntax } from '../ids/idSyntax';
import { readFrontMatter } from '../parse/frontMatter';

const defaultSyntax = new IdSyntax(defaultConfig().families);

export function hasFrameworkFrontMatter(text: string): boolean {
  // Only the head of the file matters; never parse a huge file to answer this.
  const head = text.length > 64 * 1024 ? text.slice(0, 64 * 1024) : text;
  const fm = readFrontMatter(head);
  if (!fm || fm.error) return false;
  const id = fm.fields.get('id');
  return id?.value.kind === 'scalar' && !!id.value.value && !!defaultSyntax.classify(id.value.value.trim());
}
