declare const OPMODEL_VERSION: string;

/** Compiled in by scripts/build.mjs; "0.0.0-dev" when run from sources. */
export const VERSION = typeof OPMODEL_VERSION === 'string' ? OPMODEL_VERSION : '0.0.0-dev';
