import { describe, expect, it } from 'vitest';
import { dominantSkew, minAreaRect, rectBounds, unclip, type Point } from './box-geometry.js';

/** Pixel centres filling a w×h rectangle turned by `angle` about (cx, cy). */
function filledRect(cx: number, cy: number, w: number, h: number, angle: number): Point[] {
  const points: Point[] = [];
  for (let u = -w / 2 + 0.5; u < w / 2; u += 1)
    for (let v = -h / 2 + 0.5; v < h / 2; v += 1)
      points.push({
        x: Math.round(cx + u * Math.cos(angle) - v * Math.sin(angle)),
        y: Math.round(cy + u * Math.sin(angle) + v * Math.cos(angle)),
      });
  return points;
}

describe('box geometry', () => {
  it('recovers size and angle of a slightly rotated text line', () => {
    const angle = (6 * Math.PI) / 180;
    const rect = minAreaRect(filledRect(300, 200, 240, 30, angle));
    expect(rect.cx).toBeCloseTo(300, 0);
    expect(rect.cy).toBeCloseTo(200, 0);
    expect(Math.abs(rect.width - 240)).toBeLessThan(4);
    expect(Math.abs(rect.height - 30)).toBeLessThan(4);
    expect(Math.abs(rect.angle - angle)).toBeLessThan(0.02);
  });

  it('keeps the reading axis near horizontal for tall boxes', () => {
    const rect = minAreaRect(filledRect(50, 50, 12, 40, 0));
    expect(rect.angle).toBeCloseTo(0, 5);
    expect(rect.width).toBeCloseTo(12, 0);
    expect(rect.height).toBeCloseTo(40, 0);
  });

  it('unclips by area × ratio / perimeter and reports axis-aligned bounds', () => {
    const grown = unclip({ cx: 0, cy: 0, width: 100, height: 20, angle: 0 });
    // distance = 2000 × 1.5 / 240 = 12.5 on every side
    expect(grown.width).toBeCloseTo(125, 5);
    expect(grown.height).toBeCloseTo(45, 5);
    expect(rectBounds(grown)).toEqual({ x: -62.5, y: -22.5, width: 125, height: 45 });
  });

  it('takes the median angle of line-shaped boxes as the page skew', () => {
    const line = (angle: number) => ({ cx: 0, cy: 0, width: 200, height: 20, angle });
    const square = { cx: 0, cy: 0, width: 20, height: 20, angle: 0.6 };
    expect(dominantSkew([line(0.1), line(0.12), line(0.11), square])).toBeCloseTo(0.11, 5);
    expect(dominantSkew([square, line(0.1)])).toBe(0);
  });
});
