// Generates the app icons from resources/icon.svg: PNGs (16…1024), icon.ico (PNG entries) and
// icon.icns (PNG entries), the files electron-builder reads from resources/. Run: npm run icons
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resources = path.join(root, 'resources');
const svg = readFileSync(path.join(resources, 'icon.svg'));
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const png = {};
for (const size of SIZES) {
  png[size] = await sharp(svg, { density: Math.max(72, ((72 * size) / 1024) * 4) })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
}
mkdirSync(path.join(resources, 'icons'), { recursive: true });
for (const size of SIZES) writeFileSync(path.join(resources, 'icons', `${size}x${size}.png`), png[size]);
writeFileSync(path.join(resources, 'icon.png'), png[1024]);

/** ICO: a 6-byte header, one 16-byte entry per image, then the PNG data (Vista+ reads PNG entries). */
function ico(sizes) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  const entries = [];
  let offset = 6 + 16 * sizes.length;
  for (const size of sizes) {
    const data = png[size];
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt8(0, 2);
    e.writeUInt8(0, 3);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...sizes.map((s) => png[s])]);
}

/** ICNS: 'icns' + total length, then (type, length, PNG) chunks; these types all take PNG data. */
function icns() {
  const types = [
    ['icp4', 16],
    ['icp5', 32],
    ['icp6', 64],
    ['ic07', 128],
    ['ic08', 256],
    ['ic09', 512],
    ['ic10', 1024],
  ];
  const chunks = types.map(([type, size]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + png[size].length, 4);
    return Buffer.concat([head, png[size]]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([head, body]);
}

writeFileSync(path.join(resources, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256]));
writeFileSync(path.join(resources, 'icon.icns'), icns());
// The page's favicon and the window icon in development come from the renderer's public folder.
mkdirSync(path.join(root, 'renderer', 'public'), { recursive: true });
writeFileSync(path.join(root, 'renderer', 'public', 'icon.svg'), svg);
writeFileSync(path.join(root, 'renderer', 'public', 'icon.png'), png[256]);
console.log(`icons written: ${SIZES.join(', ')} px, icon.ico, icon.icns`);
