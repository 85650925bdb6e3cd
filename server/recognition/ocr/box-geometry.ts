/**
 * Geometry of detected text regions: the minimum-area rotated rectangle of a pixel set (convex
 * hull + rotating calipers), normalised so its "width" axis is the one closest to horizontal,
 * which is what a text line on an upright or slightly skewed page looks like.
 */
export interface Point {
  x: number;
  y: number;
}

export interface RotatedRect {
  cx: number;
  cy: number;
  /** Extent along the reading direction. */
  width: number;
  /** Extent across it. */
  height: number;
  /** Angle of the reading direction in radians, in (-π/4, π/4]. */
  angle: number;
}

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Andrew's monotone chain; returns the hull counter-clockwise without repeating the first point. */
export function convexHull(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length <= 2) return sorted;
  const lower: Point[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower.at(-2) ?? p, lower.at(-1) ?? p, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = sorted.length - 1; i >= 0; i -= 1) {
    const p = sorted[i] ?? { x: 0, y: 0 };
    while (upper.length >= 2 && cross(upper.at(-2) ?? p, upper.at(-1) ?? p, p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

/** Folds an angle so the rectangle's width axis is the one nearest to horizontal. */
function normalise(rect: RotatedRect): RotatedRect {
  let { angle, width, height } = rect;
  while (angle > Math.PI / 4) {
    angle -= Math.PI / 2;
    [width, height] = [height, width];
  }
  while (angle <= -Math.PI / 4) {
    angle += Math.PI / 2;
    [width, height] = [height, width];
  }
  return { cx: rect.cx, cy: rect.cy, width, height, angle };
}

/** Minimum-area enclosing rectangle of the points (pixel centres; a pixel's own extent is added). */
export function minAreaRect(points: Point[]): RotatedRect {
  const hull = convexHull(points);
  if (hull.length === 0) return { cx: 0, cy: 0, width: 0, height: 0, angle: 0 };
  let best: RotatedRect | null = null;
  let bestArea = Infinity;
  const edges = hull.length === 1 ? 1 : hull.length;
  for (let i = 0; i < edges; i += 1) {
    const a = hull[i] ?? { x: 0, y: 0 };
    const b = hull[(i + 1) % hull.length] ?? a;
    const angle = hull.length === 1 || (a.x === b.x && a.y === b.y) ? 0 : Math.atan2(b.y - a.y, b.x - a.x);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    let minU = Infinity;
    let maxU = -Infinity;
    let minV = Infinity;
    let maxV = -Infinity;
    for (const p of hull) {
      const u = p.x * cos + p.y * sin;
      const v = -p.x * sin + p.y * cos;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
    // Pixel centres span one pixel less than the pixels themselves.
    const width = maxU - minU + 1;
    const height = maxV - minV + 1;
    const area = width * height;
    if (area < bestArea) {
      bestArea = area;
      const u = (minU + maxU) / 2;
      const v = (minV + maxV) / 2;
      best = { cx: u * cos - v * sin, cy: u * sin + v * cos, width, height, angle };
    }
  }
  return normalise(best ?? { cx: 0, cy: 0, width: 0, height: 0, angle: 0 });
}

/**
 * Grows a detected kernel to the full text extent, as DB text detection expects: the offset
 * distance is area × ratio / perimeter (the "unclip" step).
 */
export function unclip(rect: RotatedRect, ratio = 1.5): RotatedRect {
  const area = rect.width * rect.height;
  const perimeter = 2 * (rect.width + rect.height);
  const distance = perimeter > 0 ? (area * ratio) / perimeter : 0;
  return { ...rect, width: rect.width + 2 * distance, height: rect.height + 2 * distance };
}

/** Axis-aligned bounds of a rotated rectangle. */
export function rectBounds(rect: RotatedRect): { x: number; y: number; width: number; height: number } {
  const cos = Math.abs(Math.cos(rect.angle));
  const sin = Math.abs(Math.sin(rect.angle));
  const w = rect.width * cos + rect.height * sin;
  const h = rect.width * sin + rect.height * cos;
  return { x: rect.cx - w / 2, y: rect.cy - h / 2, width: w, height: h };
}

/** Photos of paper are skewed by a few degrees; steeper lines are watermarks or stamps. */
const MAX_SKEW = (10 * Math.PI) / 180;
const AGREEMENT = (1.5 * Math.PI) / 180;

/**
 * The page's skew: the median angle of clearly line-shaped rectangles (width ≥ 3 × height) within
 * ±10°, trusted only when most of those lines agree with it; 0 otherwise.
 */
export function dominantSkew(rects: RotatedRect[]): number {
  const angles = rects
    .filter((r) => r.width >= 3 * r.height && r.width >= 40 && Math.abs(r.angle) <= MAX_SKEW)
    .map((r) => r.angle)
    .sort((a, b) => a - b);
  if (angles.length < 3) return 0;
  const median = angles[Math.floor(angles.length / 2)] ?? 0;
  const agreeing = angles.filter((a) => Math.abs(a - median) <= AGREEMENT).length;
  return agreeing >= 0.6 * angles.length ? median : 0;
}
