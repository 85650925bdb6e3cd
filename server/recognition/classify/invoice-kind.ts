import type { InvoiceType } from '../../../shared/api/invoice.js';

/** QR type codes and the kind each names (the API's vat / normal). */
export const TYPE_CODES: Readonly<
  Record<string, { name: string; apiType: Exclude<InvoiceType, 'receipt'>; electronic: boolean }>
> = {
  '01': { name: '增值税专用发票', apiType: 'vat', electronic: false },
  '04': { name: '增值税普通发票', apiType: 'normal', electronic: false },
  '08': { name: '增值税电子专用发票', apiType: 'vat', electronic: true },
  '10': { name: '增值税电子普通发票', apiType: 'normal', electronic: true },
  '11': { name: '增值税普通发票（卷票）', apiType: 'normal', electronic: false },
  '14': { name: '增值税电子普通发票（通行费）', apiType: 'normal', electronic: true },
  '31': { name: '电子发票（增值税专用发票）', apiType: 'vat', electronic: true },
  '32': { name: '电子发票（普通发票）', apiType: 'normal', electronic: true },
  '51': { name: '电子发票（铁路电子客票）', apiType: 'normal', electronic: true },
  '61': { name: '电子发票（航空运输电子客票行程单）', apiType: 'normal', electronic: true },
  '83': { name: '电子发票（铁路电子客票）', apiType: 'normal', electronic: true },
};

/** The type code a printed title names, most specific first; null when it names none. */
export function typeCodeOfTitle(title: string): string | null {
  const t = title.replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/\s/g, '');
  if (/电子发票\(增值税专用发票\)/.test(t)) return '31';
  if (/电子发票\(普通发票\)/.test(t)) return '32';
  if (/铁路电子客票/.test(t)) return '51';
  if (/航空运输电子客票行程单/.test(t) && /电子发票/.test(t)) return '61';
  if (/通行费/.test(t)) return '14';
  if (/增值税电子专用发票/.test(t)) return '08';
  if (/增值税电子普通发票/.test(t)) return '10';
  if (/卷票/.test(t)) return '11';
  if (/增值税专用发票/.test(t)) return '01';
  if (/增值税普通发票/.test(t)) return '04';
  if (/专用发票/.test(t)) return '31';
  if (/普通发票/.test(t)) return '32';
  return null;
}
