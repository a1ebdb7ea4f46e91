/** esbuild options of a self-contained Node bundle (see buildOptions.mjs). */
export function nodeBundleOptions(version: string): import('esbuild').BuildOptions & { define: Record<string, string> };

/** Constants compiled into the CLI bundle (see buildOptions.mjs). */
export function cliDefines(): Record<string, string>;

/** The esbuild plugin that provides `opmodel:bundled-framework` (see buildOptions.mjs). */
export function bundledFrameworkPlugin(): import('esbuild').Plugin;
