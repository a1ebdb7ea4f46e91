// Bytes -> text, refusing what is not UTF-8 text. A BOM is dropped, so ranges match editors.

export type Decoded = { text: string } | { reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeText(bytes: Uint8Array, maxSize: number): Decoded {
  if (bytes.byteLength > maxSize) return { reason: tooLargeReason(bytes.byteLength, maxSize) };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { reason: 'binary file (it contains NUL bytes)' };
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return { reason: 'not valid UTF-8 text' };
  }
}

/** Why a file over maxFileSize is skipped; the same words whether its size came from a stat or a read. */
export function tooLargeReason(size: number, max: number): string {
  return `larger than the ${formatSize(max)} limit (maxFileSize; the file has ${formatSize(size)})`;
}

export function formatSize(n: number): string {
  // Below 1 KB, "0 KB" would hide the actual size.
  if (n < 1024) return `${n} byte${n === 1 ? '' : 's'}`;
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB` : `${Math.round(n / 1024)} KB`;
}
