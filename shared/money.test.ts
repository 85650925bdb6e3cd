import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decimalToFen, fenToDecimal, formatFenPlain, formatFenYuan, MAX_AMOUNT_FEN } from './money.js';

describe('money in fen', () => {
  test('decimals with up to two places become exact fen', () => {
    expect(decimalToFen(500)).toBe(50_000);
    expect(decimalToFen(500.0)).toBe(50_000);
    expect(decimalToFen(0.1)).toBe(10);
    expect(decimalToFen(0.29)).toBe(29);
    expect(decimalToFen(1234.56)).toBe(123_456);
    expect(decimalToFen(-3.5)).toBe(-350);
  });

  test('anything that is not an exact amount is refused', () => {
    for (const bad of [0.001, 1.005, Number.NaN, Infinity, -Infinity, 1e21, 1e15, 0.1 + 0.2]) {
      expect(decimalToFen(bad), String(bad)).toBeUndefined();
    }
    expect(decimalToFen(MAX_AMOUNT_FEN / 100)).toBe(MAX_AMOUNT_FEN);
  });

  test('fen → decimal → fen is the identity for every amount in range', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_AMOUNT_FEN, max: MAX_AMOUNT_FEN }), (fen) => {
        expect(decimalToFen(fenToDecimal(fen))).toBe(fen);
      }),
    );
  });

  test('formatting', () => {
    expect(formatFenPlain(5)).toBe('0.05');
    expect(formatFenPlain(-123_456)).toBe('-1234.56');
    expect(formatFenYuan(123_456_789)).toBe('¥1,234,567.89');
    expect(formatFenYuan(-50)).toBe('-¥0.50');
  });
});
