import { describe, expect, it } from 'vitest';
import { creditCodeValid } from '../classify/credit-code.js';
import { repairTaxId } from './tax-id-repair.js';

const VALID = '91430104MA1F56700K';

describe('repairTaxId', () => {
  it('keeps a code that passes its check character', () => {
    expect(creditCodeValid(VALID)).toBe(true);
    expect(repairTaxId(VALID, VALID)).toBe(VALID);
  });
  it('drops the colon misread as a leading 9 or 9.', () => {
    expect(repairTaxId(`9${VALID}`, `9${VALID}`)).toBe(VALID);
    expect(repairTaxId('9', `9.${VALID}`)).toBe(VALID);
  });
  it('swaps one look-alike character when exactly one substitution passes the check', () => {
    const misread = VALID.replace('00K', 'O0K');
    expect(repairTaxId(misread, misread)).toBe(VALID);
  });
  it('leaves a code it cannot confirm as read (never a guessed code)', () => {
    expect(repairTaxId('91430104MA1F56700X', '91430104MA1F56700X')).toBe('91430104MA1F56700X');
    expect(repairTaxId('110105MA5G2825', '110105MA5G2825')).toBe('110105MA5G2825');
  });
});
