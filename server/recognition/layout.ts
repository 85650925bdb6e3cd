import type { PositionedPage, TextRun } from './positioned-text.js';

/**
 * Geometry shared by every field rule: runs are cut into glyphs with an estimated x range each,
 * glyphs are grouped into visual lines by their vertical overlap, and a line is read left to right.
 * Whitespace is dropped (labels arrive as `名 称`, `合 计`); the horizontal gaps between glyphs
 * are kept instead, because they are what separates cells on an invoice.
 */
export interface Glyph {
  ch: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  confidence: number;
  /** Left edge of the run the glyph came from, and its place in that run: glyphs of one run stay in order. */
  runX: number;
  seq: number;
}

export interface Line {
  glyphs: Glyph[];
  /** The glyphs' characters joined, without whitespace: labels are matched on this. */
  text: string;
  top: number;
  bottom: number;
  /** Typical glyph height on the line: the unit for gaps. */
  height: number;
}

function isWide(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x2e80 || (code >= 0x2000 && code <= 0x206f && ch !== ' ');
}

/** Relative advance of a character: CJK and full-width forms are square, Latin about half. */
function advance(ch: string): number {
  if (isWide(ch)) return 1;
  if (ch === ' ') return 0.3;
  if (/[:;()/]/.test(ch)) return 0.7;
  return 0.55;
}

/** Splits a run into glyphs spread over its width in proportion to their usual advance. */
export function runGlyphs(run: TextRun, runIndex = 0): Glyph[] {
  const chars = Array.from(run.text);
  if (chars.length === 0) return [];
  const vertical = run.height > run.width * 1.5 && chars.length > 1;
  const total = chars.reduce((sum, ch) => sum + advance(ch), 0) || 1;
  const out: Glyph[] = [];
  let offset = 0;
  for (const ch of chars) {
    const share = advance(ch) / total;
    if (vertical) {
      const top = run.y + offset * run.height;
      if (ch.trim()) {
        out.push({
          ch,
          x0: run.x,
          x1: run.x + run.width,
          top,
          bottom: top + share * run.height,
          confidence: run.confidence,
          runX: run.x,
          seq: runIndex * 100_000 + out.length,
        });
      }
    } else {
      const x0 = run.x + offset * run.width;
      if (ch.trim()) {
        out.push({
          ch,
          x0,
          x1: x0 + share * run.width,
          top: run.y,
          bottom: run.y + run.height,
          confidence: run.confidence,
          runX: run.x,
          seq: runIndex * 100_000 + out.length,
        });
      }
    }
    offset += share;
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function makeLine(glyphs: Glyph[]): Line {
  // Runs left to right, each run's glyphs in their own order: estimated glyph widths inside a
  // run can be off, but a run never interleaves with its neighbour because of it.
  glyphs.sort((a, b) => a.runX - b.runX || a.seq - b.seq);
  return {
    glyphs,
    text: glyphs.map((g) => g.ch).join(''),
    top: Math.min(...glyphs.map((g) => g.top)),
    bottom: Math.max(...glyphs.map((g) => g.bottom)),
    height: median(glyphs.map((g) => g.bottom - g.top)) || 1,
  };
}

/**
 * Visual lines, top to bottom. A glyph joins the line whose vertical centre is within half the
 * smaller of the two heights; a slightly tilted OCR box still lands on its line.
 */
export function buildLines(page: PositionedPage): Line[] {
  const glyphs = page.runs.flatMap((run, index) => runGlyphs(run, index));
  glyphs.sort((a, b) => a.top + a.bottom - (b.top + b.bottom));
  const groups: { centre: number; height: number; glyphs: Glyph[] }[] = [];
  for (const glyph of glyphs) {
    const centre = (glyph.top + glyph.bottom) / 2;
    const height = glyph.bottom - glyph.top;
    let best: (typeof groups)[number] | undefined;
    let bestDistance = Infinity;
    for (let i = groups.length - 1; i >= 0 && i >= groups.length - 4; i -= 1) {
      const group = groups[i];
      if (!group) continue;
      const distance = Math.abs(group.centre - centre);
      if (distance <= Math.min(group.height, height) * 0.5 && distance < bestDistance) {
        best = group;
        bestDistance = distance;
      }
    }
    if (best) {
      best.glyphs.push(glyph);
      const n = best.glyphs.length;
      best.centre += (centre - best.centre) / n;
      best.height += (height - best.height) / n;
    } else {
      groups.push({ centre, height, glyphs: [glyph] });
    }
  }
  return groups.map((group) => makeLine(group.glyphs)).sort((a, b) => a.top - b.top);
}

/** Text of glyphs [from, to) with a space where a gap separates two Latin/digit characters. */
export function glyphText(glyphs: readonly Glyph[], height: number): string {
  let out = '';
  glyphs.forEach((glyph, index) => {
    const previous = glyphs[index - 1];
    if (
      previous &&
      glyph.x0 - previous.x1 > height * 0.3 &&
      /[A-Za-z0-9.,)]/.test(previous.ch) &&
      /[A-Za-z0-9(]/.test(glyph.ch)
    ) {
      out += ' ';
    }
    out += glyph.ch;
  });
  return out;
}

/** Cells of a line: glyph groups separated by gaps wider than `gapFactor` × the line height. */
export function lineCells(line: Line, gapFactor: number, from = 0, to = line.glyphs.length): Glyph[][] {
  const cells: Glyph[][] = [];
  let current: Glyph[] = [];
  for (let i = from; i < to; i += 1) {
    const glyph = line.glyphs[i];
    if (!glyph) continue;
    const previous = current[current.length - 1];
    if (previous && glyph.x0 - previous.x1 > line.height * gapFactor) {
      cells.push(current);
      current = [];
    }
    current.push(glyph);
  }
  if (current.length) cells.push(current);
  return cells;
}

export function meanConfidence(glyphs: readonly Glyph[]): number {
  if (glyphs.length === 0) return 0;
  return glyphs.reduce((sum, g) => sum + g.confidence, 0) / glyphs.length;
}
