/**
 * Draws an invoice-like image for the image path's own tests and bench (the shared corpus is
 * generated elsewhere): a 数电票-style layout in Noto Sans CJK with a real QR code, every string
 * drawn at a known position so a test can check what OCR read and where.
 */
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import QRCode from 'qrcode';

const CJK_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const FONT_FAMILY = 'Noto Sans CJK SC';
let fontRegistered = false;

function ensureFont(): void {
  if (fontRegistered) return;
  GlobalFonts.registerFromPath(CJK_FONT_PATH, FONT_FAMILY);
  fontRegistered = true;
}

export interface DrawnString {
  text: string;
  /** Left/top of the drawn text in pixels of the full image. */
  x: number;
  y: number;
  size: number;
}

export interface DrawnInvoice {
  png: Buffer;
  width: number;
  height: number;
  qrPayload: string;
  strings: DrawnString[];
}

export const SAMPLE_QR_PAYLOAD = '01,32,,25437000000297554203,17.00,20251013,,9D0B';

/** The strings of the sample, at positions in a 1000×620 design space scaled by `scale`. */
const LAYOUT: { text: string; x: number; y: number; size: number; color?: string }[] = [
  { text: '电子发票（普通发票）', x: 360, y: 40, size: 30, color: '#8b2a1e' },
  { text: '发票号码：25437000000297554203', x: 640, y: 100, size: 16 },
  { text: '开票日期：2025年10月13日', x: 640, y: 130, size: 16 },
  { text: '购买方信息', x: 40, y: 190, size: 16 },
  { text: '名称：上海青禾文化传播有限公司', x: 140, y: 180, size: 16 },
  { text: '统一社会信用代码/纳税人识别号：91310115MA1H7QXK3N', x: 140, y: 220, size: 13 },
  { text: '销售方信息', x: 520, y: 190, size: 16 },
  { text: '名称：杭州云岫办公用品有限公司', x: 620, y: 180, size: 16 },
  { text: '统一社会信用代码/纳税人识别号：91330106MA2CFKJ83Q', x: 620, y: 220, size: 13 },
  { text: '项目名称', x: 60, y: 290, size: 15 },
  { text: '数量', x: 460, y: 290, size: 15 },
  { text: '单价', x: 560, y: 290, size: 15 },
  { text: '金额', x: 680, y: 290, size: 15 },
  { text: '税率/征收率', x: 770, y: 290, size: 15 },
  { text: '税额', x: 900, y: 290, size: 15 },
  { text: '*办公用品*A4纸', x: 60, y: 325, size: 15 },
  { text: '2', x: 470, y: 325, size: 15 },
  { text: '8.02', x: 560, y: 325, size: 15 },
  { text: '16.04', x: 680, y: 325, size: 15 },
  { text: '6%', x: 790, y: 325, size: 15 },
  { text: '0.96', x: 900, y: 325, size: 15 },
  { text: '合计', x: 60, y: 450, size: 15 },
  { text: '¥16.04', x: 670, y: 450, size: 15 },
  { text: '¥0.96', x: 890, y: 450, size: 15 },
  { text: '价税合计（大写）', x: 60, y: 500, size: 15 },
  { text: '壹拾柒圆整', x: 250, y: 500, size: 15 },
  { text: '（小写）¥17.00', x: 680, y: 500, size: 15 },
  { text: '开票人：王敏', x: 60, y: 570, size: 15 },
];

/** Renders the sample invoice; `scale` 1 gives 1000×620 px, 1.5 gives an A5 print at ~150 dpi. */
export async function drawSampleInvoice(scale = 1.5): Promise<DrawnInvoice> {
  ensureFont();
  const width = Math.round(1000 * scale);
  const height = Math.round(620 * scale);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.strokeStyle = '#8b2a1e';
  ctx.lineWidth = Math.max(1, scale);
  ctx.strokeRect(30 * scale, 160 * scale, 940 * scale, 380 * scale);
  ctx.beginPath();
  for (const y of [270, 430, 480, 530]) {
    ctx.moveTo(30 * scale, y * scale);
    ctx.lineTo(970 * scale, y * scale);
  }
  ctx.moveTo(500 * scale, 160 * scale);
  ctx.lineTo(500 * scale, 270 * scale);
  ctx.stroke();

  const qrPng = await QRCode.toBuffer(SAMPLE_QR_PAYLOAD, {
    margin: 2,
    scale: Math.max(2, Math.round(3 * scale)),
  });
  const qr = await loadImage(qrPng);
  const qrSize = Math.round(110 * scale);
  ctx.drawImage(qr, 30 * scale, 25 * scale, qrSize, qrSize);

  const strings: DrawnString[] = [];
  ctx.textBaseline = 'top';
  for (const item of LAYOUT) {
    const size = item.size * scale;
    ctx.font = `${String(size)}px "${FONT_FAMILY}"`;
    ctx.fillStyle = item.color ?? '#1a1a1a';
    ctx.fillText(item.text, item.x * scale, item.y * scale);
    strings.push({ text: item.text, x: item.x * scale, y: item.y * scale, size });
  }
  return { png: canvas.toBuffer('image/png'), width, height, qrPayload: SAMPLE_QR_PAYLOAD, strings };
}
