/** Constants compiled into the CLI bundle (see buildOptions.mjs). */
export function cliDefines(): Record<string, string>;
