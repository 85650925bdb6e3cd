import { glyphText, meanConfidence, type Glyph, type Line } from '../layout.js';

/** A label found on a line: glyph indices [start, end). */
export interface Hit {
  lineIndex: number;
  start: number;
  end: number;
}

const offsetCache = new WeakMap<Line, number[]>();

/** UTF-16 offset in `line.text` where each glyph starts. */
function glyphOffsets(line: Line): number[] {
  let offsets = offsetCache.get(line);
  if (!offsets) {
    offsets = [];
    let at = 0;
    for (const glyph of line.glyphs) {
      offsets.push(at);
      at += glyph.ch.length;
    }
    offsetCache.set(line, offsets);
  }
  return offsets;
}

function glyphIndexAt(line: Line, offset: number): number {
  const offsets = glyphOffsets(line);
  let index = 0;
  while (index + 1 < offsets.length && (offsets[index + 1] ?? Infinity) <= offset) index += 1;
  return offset >= line.text.length ? line.glyphs.length : index;
}

/** Every match of `pattern` (global flag added) on every line, as glyph ranges. */
export function findHits(lines: readonly Line[], pattern: RegExp): Hit[] {
  const global = new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
  );
  const hits: Hit[] = [];
  lines.forEach((line, lineIndex) => {
    for (const match of line.text.matchAll(global)) {
      if (match[0].length === 0) continue;
      const start = glyphIndexAt(line, match.index);
      const end = glyphIndexAt(line, match.index + match[0].length);
      hits.push({ lineIndex, start, end });
    }
  });
  return hits;
}

export interface Value {
  glyphs: Glyph[];
  text: string;
  x0: number;
  x1: number;
  confidence: number;
}

export function valueOf(glyphs: Glyph[], height: number): Value | null {
  if (glyphs.length === 0) return null;
  return {
    glyphs,
    text: glyphText(glyphs, height),
    x0: glyphs[0]?.x0 ?? 0,
    x1: glyphs[glyphs.length - 1]?.x1 ?? 0,
    confidence: meanConfidence(glyphs),
  };
}

export interface ValueOptions {
  /** Glyph index where another label starts on this line (the value stops there). */
  stopAt?: number;
  /** Widest gap inside a value, in line heights. */
  maxGap?: number;
  /** Widest gap between the label and its value, in line heights. */
  maxFirstGap?: number;
}

/** The text right of a label on its line: colons skipped, up to the next label or a wide gap. */
export function valueAfter(lines: readonly Line[], hit: Hit, options: ValueOptions = {}): Value | null {
  const line = lines[hit.lineIndex];
  if (!line) return null;
  const maxGap = (options.maxGap ?? 2) * line.height;
  const maxFirstGap = (options.maxFirstGap ?? 12) * line.height;
  const stop = options.stopAt ?? line.glyphs.length;
  let index = hit.end;
  while (index < stop && /^[:：;]$/.test(line.glyphs[index]?.ch ?? '')) index += 1;
  const out: Glyph[] = [];
  let previousX1 = line.glyphs[hit.end - 1]?.x1 ?? 0;
  for (; index < stop; index += 1) {
    const glyph = line.glyphs[index];
    if (!glyph) break;
    const gap = glyph.x0 - previousX1;
    if (gap > (out.length === 0 ? maxFirstGap : maxGap)) break;
    out.push(glyph);
    previousX1 = glyph.x1;
  }
  return valueOf(out, line.height);
}

/**
 * The wrapped continuation of a value on the line just below: a run of glyphs starting where the
 * value starts (± one line height), with nothing left of it back to the label, so that the next
 * label's line is never taken for a continuation.
 */
export function continuationBelow(
  lines: readonly Line[],
  lineIndex: number,
  value: Value,
  labelX0: number,
  xLimit: number,
): Value | null {
  const line = lines[lineIndex];
  const next = lines[lineIndex + 1];
  if (!line || !next) return null;
  if (next.top - line.bottom > line.height * 0.9) return null;
  const h = line.height;
  // Wrapped under the value itself, or back at the label's left edge (数电票 wrap tax ids so).
  const underValue = next.glyphs.filter((g) => g.x1 > labelX0 - h * 0.5 && g.x0 < value.x0 - h).length === 0;
  const start = underValue ? value.x0 : labelX0;
  const picked: Glyph[] = [];
  for (const glyph of next.glyphs) {
    if (glyph.x0 < start - h) continue;
    if (glyph.x0 > xLimit) break;
    const previous = picked[picked.length - 1];
    if (!previous && glyph.x0 > start + h * 1.5) return null;
    if (previous && glyph.x0 - previous.x1 > h * 2) break;
    picked.push(glyph);
  }
  return valueOf(picked, next.height);
}

export function lineCentre(line: Line): number {
  return (line.top + line.bottom) / 2;
}
