import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { InvalidImageError } from './errors.js';
import { decodeImage, inspectImage, sniffImageKind } from './image-input.js';
import { pngBomb } from './testing/png-bomb.js';

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InvalidImageError) return error.reason;
    throw error;
  }
  return 'accepted';
}

describe('image input', () => {
  it('sniffs PNG and JPEG from the bytes, not the name', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const jpeg = await sharp(png).jpeg().toBuffer();
    expect(sniffImageKind(png)).toBe('png');
    expect(sniffImageKind(jpeg)).toBe('jpeg');
    expect(sniffImageKind(Buffer.from('MZ\x90\x00 this is an exe'))).toBeNull();
  });

  it('refuses a 20,000 × 20,000 PNG from its header, before decoding', async () => {
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(10_000);
    expect(await reason(inspectImage(bomb))).toBe('too-large');
    expect(await reason(decodeImage(bomb))).toBe('too-large');
  });

  it('answers empty, renamed and corrupt files with clear reasons', async () => {
    expect(await reason(inspectImage(new Uint8Array()))).toBe('empty');
    expect(await reason(inspectImage(Buffer.from('MZ\x90\x00\x03\x00\x00\x00')))).toBe('unsupported');
    const garbage = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 7),
    ]);
    expect(await reason(decodeImage(garbage))).toBe('corrupt');
    const jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#abc' } })
      .jpeg()
      .toBuffer();
    expect(await reason(decodeImage(jpeg.subarray(0, 40)))).toBe('corrupt');
  });

  it('downscales a big scan while decoding and always yields RGB', async () => {
    const big = await sharp({ create: { width: 5000, height: 3500, channels: 3, background: '#808080' } })
      .grayscale()
      .png()
      .toBuffer();
    const { raster, header } = await decodeImage(big);
    expect(header).toEqual({ kind: 'png', width: 5000, height: 3500 });
    expect(raster.width).toBe(2560);
    expect(raster.height).toBe(1792);
    expect(raster.data.length).toBe(2560 * 1792 * 3);
  });

  it('enlarges a tiny photo to 1024 px on its longer side, and leaves a normal one as it is', async () => {
    const small = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#ddd' } })
      .jpeg()
      .toBuffer();
    expect([(await decodeImage(small)).raster.width, (await decodeImage(small)).raster.height]).toEqual([
      768, 1024,
    ]);
    const normal = await sharp({ create: { width: 1400, height: 1000, channels: 3, background: '#ddd' } })
      .jpeg()
      .toBuffer();
    expect((await decodeImage(normal)).raster.width).toBe(1400);
  });

  it('applies EXIF orientation and flattens transparency on white', async () => {
    const rotated = await sharp({ create: { width: 40, height: 20, channels: 4, background: '#0000' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const { raster } = await decodeImage(rotated);
    // Turned upright, and enlarged ×2.5 at most (tiny images are brought towards 1024 px).
    expect([raster.width, raster.height]).toEqual([50, 100]);
    const clear = await sharp({ create: { width: 2, height: 2, channels: 4, background: '#00000000' } })
      .png()
      .toBuffer();
    const flat = await decodeImage(clear);
    expect([...flat.raster.data.subarray(0, 3)]).toEqual([255, 255, 255]);
  });
});
