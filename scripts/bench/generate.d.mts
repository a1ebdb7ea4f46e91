// Types for generate.mjs (the benchmark runs as plain Node; tests import it from TypeScript).
export type CorpusShape = 'standard' | 'deep';
export const GENERATOR_VERSION: number;
export const DEFAULT_SEED: number;
export const ERROR_KINDS: readonly string[];
export const SHAPES: readonly CorpusShape[];
export const FIXED_KINDS: readonly string[];
export function prng(seed: number): () => number;
export function benchConfig(): Record<string, unknown>;
export function corpusFiles(size: number, seed?: number, shape?: CorpusShape): Generator<[path: string, text: string]>;
export function documentText(i: number, size: number, seed?: number, shape?: CorpusShape): string;
export function corpusDir(size: number, seed?: number, shape?: CorpusShape): string;
export function ensureCorpus(size: number, seed?: number, log?: (message: string) => void, shape?: CorpusShape): string;
