// Provided at build time by scripts/buildOptions.mjs (bundledFrameworkPlugin).
declare module 'opmodel:bundled-framework' {
  const bundled: { version: string; files: Record<string, string> };
  export default bundled;
}
