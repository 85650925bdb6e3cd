import QRCode from 'qrcode';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeImage } from './image-input.js';
import { decodeQrCodes } from './qr-decode.js';

const PAYLOAD = '01,10,012001800311,33207675,46.62,20190508,76939056883466677916,E1BD,';

async function qrOnPage(options: { qrPx: number; pageW: number; pageH: number; left: number; top: number }) {
  const qr = await QRCode.toBuffer(PAYLOAD, { margin: 1, width: options.qrPx });
  const page = await sharp({
    create: { width: options.pageW, height: options.pageH, channels: 3, background: '#f4f1ea' },
  })
    .composite([{ input: qr, left: options.left, top: options.top }])
    .jpeg({ quality: 80 })
    .toBuffer();
  return (await decodeImage(page)).raster;
}

describe('QR decoding', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('decodes the tax bureau payload of a generated QR image, loading its wasm locally', async () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error('network is not allowed')));
    vi.stubGlobal('fetch', fetchSpy);
    const raster = await qrOnPage({ qrPx: 240, pageW: 1200, pageH: 800, left: 60, top: 40 });
    const result = await decodeQrCodes(raster);
    expect(result.payloads).toEqual([PAYLOAD]);
    expect(result.pass).toBe('whole');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('finds a small code in a corner of a large photo', async () => {
    const raster = await qrOnPage({ qrPx: 110, pageW: 2400, pageH: 1700, left: 2200, top: 1560 });
    const result = await decodeQrCodes(raster);
    expect(result.payloads).toEqual([PAYLOAD]);
  });

  it('answers an empty list, not an error, when there is no code', async () => {
    const blank = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const result = await decodeQrCodes((await decodeImage(blank)).raster);
    expect(result).toEqual({ payloads: [], pass: null });
  });
});
