// Draws media/icon.png (128×128): a 2×2 grid of rounded cells on a dark blue tile, one cell lit,
// the systems × disciplines matrix in miniature. Plain RGBA rasterised here, PNG via node:zlib.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128;
const SS = 4; // supersamples per axis, for smooth edges

function roundRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

// Layers, bottom to top: [shape test, rgb]
const bg = [(x, y) => roundRect(x, y, 4, 4, 124, 124, 22), [0x1f, 0x3a, 0x5f]];
const cells = [
  [22, 22, 60, 60, [0x9f, 0xb8, 0xd6]],
  [68, 22, 106, 60, [0x9f, 0xb8, 0xd6]],
  [22, 68, 60, 106, [0x9f, 0xb8, 0xd6]],
  [68, 68, 106, 106, [0xf2, 0xb1, 0x34]],
].map(([x0, y0, x1, y1, c]) => [(x, y) => roundRect(x, y, x0, y0, x1, y1, 7), c]);
const layers = [bg, ...cells];

const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < N; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const px = x + (sx + 0.5) / SS;
        const py = y + (sy + 0.5) / SS;
        let col;
        for (const [inside, c] of layers) if (inside(px, py)) col = c;
        if (col) { r += col[0]; g += col[1]; b += col[2]; a += 255; }
      }
    }
    const n = SS * SS;
    const o = y * (N * 4 + 1) + 1 + x * 4;
    const cov = a / 255;
    raw[o] = cov ? Math.round(r / cov) : 0;
    raw[o + 1] = cov ? Math.round(g / cov) : 0;
    raw[o + 2] = cov ? Math.round(b / cov) : 0;
    raw[o + 3] = Math.round(a / n);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`media/icon.png: ${png.length} bytes`);
