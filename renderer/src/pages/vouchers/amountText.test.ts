import { describe, expect, test } from 'vitest';
import { cellFen, cleanAmountInput, fenToCell, formatAmount, toggleNegative } from './amountText';
import { fenToCapital } from './capitalAmount';

describe('amount cells', () => {
  test('cleaning typed and pasted text', () => {
    expect(cleanAmountInput('1234.5')).toBe('1234.5');
    expect(cleanAmountInput('¥1,234.50')).toBe('1234.50');
    expect(cleanAmountInput('12.345')).toBeUndefined();
    expect(cleanAmountInput('12a')).toBeUndefined();
    expect(cleanAmountInput('-20')).toBe('-20');
  });

  test('cells to integer fen and back, without float sums', () => {
    expect(cellFen('')).toBe(0);
    expect(cellFen('0.1')).toBe(10);
    expect(cellFen('1234.56')).toBe(123456);
    expect(cellFen('12.')).toBe(1200);
    expect(cellFen('-20')).toBe(-2000);
    expect(fenToCell(123450)).toBe('1234.5');
    expect(fenToCell(100000)).toBe('1000');
    expect(fenToCell(1)).toBe('0.01');
    expect(formatAmount(123456789)).toBe('1,234,567.89');
    expect(formatAmount(-2000)).toBe('-20.00');
    expect(toggleNegative('20')).toBe('-20');
    expect(toggleNegative('-20')).toBe('20');
  });

  test('大写', () => {
    expect(fenToCapital(0)).toBe('零元整');
    expect(fenToCapital(50000)).toBe('伍佰元整');
    expect(fenToCapital(123456)).toBe('壹仟贰佰叁拾肆元伍角陆分');
    expect(fenToCapital(100005)).toBe('壹仟元零伍分');
    expect(fenToCapital(10010)).toBe('壹佰元壹角整');
    expect(fenToCapital(-2000)).toBe('负贰拾元整');
  });
});
