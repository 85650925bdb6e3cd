import { describe, expect, it } from 'vitest';
import { newId, newTimeOrderedId } from './ids.js';

describe('ids', () => {
  it('newId: prefix and 16 base62 characters', () => {
    expect(newId('acc_')).toMatch(/^acc_[0-9A-Za-z]{16}$/);
  });

  it('newTimeOrderedId: sorts by creation time as text, and stays unique within a millisecond', () => {
    const early = newTimeOrderedId('vch_', Date.UTC(2024, 0, 1));
    const later = newTimeOrderedId('vch_', Date.UTC(2024, 0, 1) + 1);
    const muchLater = newTimeOrderedId('vch_', Date.UTC(2090, 0, 1));
    expect(early).toMatch(/^vch_[0-9A-Za-z]{20}$/);
    expect([muchLater, later, early].sort()).toEqual([early, later, muchLater]);
    const sameMs = Array.from({ length: 1000 }, () => newTimeOrderedId('vch_', 0));
    expect(new Set(sameMs).size).toBe(1000);
  });
});
