import { describe, expect, it } from 'vitest';
import { getDocument } from './pdfjs-legacy.js';

const isNative = (fn: unknown): boolean =>
  typeof fn === 'function' && /\[native code\]/.test(Function.prototype.toString.call(fn));

describe('loading pdfjs-dist’s legacy build', () => {
  it('leaves Array.prototype.push, JSON.parse and JSON.stringify native for the whole process', async () => {
    // A document makes pdfjs set up its in-thread worker, the other module carrying polyfills.
    const task = getDocument({ data: new TextEncoder().encode('%PDF-1.4\n%%EOF'), verbosity: 0 });
    await task.promise.catch(() => undefined);
    await task.destroy();
    expect(isNative(Array.prototype.push)).toBe(true);
    expect(isNative(JSON.parse)).toBe(true);
    expect(isNative(JSON.stringify)).toBe(true);
    expect(typeof (Promise as unknown as Record<string, unknown>).withResolvers).toBe('function');
  });
});
