import { describe, expect, it } from 'vitest';
import type { RotatedRect } from './box-geometry.js';
import { growTinyBoxes } from './text-detection.js';

const rect = (cx: number, width: number, height: number): RotatedRect => ({
  cx,
  cy: 100,
  width,
  height,
  angle: 0,
});
const lines = [
  rect(100, 200, 22),
  rect(400, 150, 21),
  rect(700, 300, 23),
  rect(900, 90, 22),
  rect(1100, 120, 22),
];

describe('growTinyBoxes', () => {
  it('grows a lone narrow glyph to the page’s line height', () => {
    const [grown] = growTinyBoxes([rect(619, 9.9, 9), ...lines]);
    expect(grown).toMatchObject({ cx: 619, cy: 100, angle: 0 });
    expect(grown?.height).toBeCloseTo(22);
    expect(grown?.width).toBeCloseTo(13.2);
  });

  it('leaves line-sized and wide boxes, and pages with too few lines to tell, alone', () => {
    const wide = rect(619, 30, 15);
    const full = rect(619, 18, 22);
    expect(growTinyBoxes([wide, full, ...lines]).slice(0, 2)).toEqual([wide, full]);
    const tiny = rect(619, 9.9, 9);
    expect(growTinyBoxes([tiny, ...lines.slice(0, 3)])[0]).toEqual(tiny);
  });
});
