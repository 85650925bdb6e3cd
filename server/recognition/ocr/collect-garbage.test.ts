import { describe, expect, it } from 'vitest';
import { collectGarbage } from './collect-garbage.js';

const MB = 1024 * 1024;

/** Allocates eight 8 MB buffers and drops them: their memory is garbage once this returns. */
function allocateAndDrop(): number {
  const buffers = Array.from({ length: 8 }, () => new Uint8Array(8 * MB).fill(1));
  return buffers.reduce((sum, b) => sum + b.length, 0);
}

describe('collectGarbage', () => {
  it('frees the memory of buffers nothing references any more, at once', async () => {
    collectGarbage();
    const before = process.memoryUsage().arrayBuffers;
    expect(allocateAndDrop()).toBe(64 * MB);
    // V8 has not collected them by itself (they stay below its 64 MB external-memory trigger).
    expect(process.memoryUsage().arrayBuffers - before).toBeGreaterThanOrEqual(56 * MB);
    collectGarbage();
    // The collection finds them dead at once; their memory is released by V8's sweeper thread,
    // which on a loaded machine may take a moment (V8's own idle-time collection would not start
    // for seconds). At most one buffer may linger in a register of the optimised code.
    const held = () => process.memoryUsage().arrayBuffers - before;
    for (let waited = 0; held() > 8 * MB && waited < 1000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(held()).toBeLessThanOrEqual(8 * MB);
  });

  it('keeps what is still referenced', () => {
    const live = new Uint8Array(16 * MB).fill(2);
    collectGarbage();
    expect(process.memoryUsage().arrayBuffers).toBeGreaterThanOrEqual(16 * MB);
    expect(live[16 * MB - 1]).toBe(2);
  });
});
