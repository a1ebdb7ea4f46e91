/** The extension README with its relative images inlined; throws on links that would break in the .vsix. */
export function selfContainedReadme(file: string): string;
