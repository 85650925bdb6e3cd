import koffi from 'koffi';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryReleaser, mallocControl, type MallocControl } from './release-memory.js';

const MB = 1024 * 1024;

/** Allocates `count` blocks of 64 KB from malloc's heap, touches them, frees all but the last. */
function leaveFreedMemoryInHeap(count: number): () => void {
  const libc = koffi.load('libc.so.6');
  const malloc = libc.func('void *malloc(size_t size)') as (size: number) => unknown;
  const memset = libc.func('void *memset(void *s, int c, size_t n)') as (
    p: unknown,
    c: number,
    n: number,
  ) => unknown;
  const free = libc.func('void free(void *p)') as (p: unknown) => void;
  // 64 KB blocks sit below malloc's mmap threshold, so they come from the heap; the last one
  // stays live, so the freed space below it cannot be released by shrinking the heap's top.
  const blocks = Array.from({ length: count }, () => {
    const block = malloc(64 * 1024);
    memset(block, 1, 64 * 1024);
    return block;
  });
  const pin = blocks.pop();
  for (const block of blocks) free(block);
  return () => free(pin);
}

describe('mallocControl (glibc)', () => {
  it('is available on this Linux/glibc machine', () => {
    expect(process.platform).toBe('linux');
    expect(mallocControl()).not.toBeNull();
  });

  it('sees memory that malloc freed but kept, and gives it back', () => {
    const control = mallocControl();
    if (!control) throw new Error('no malloc control on this machine');
    const before = control.freeInArenas();
    const release = leaveFreedMemoryInHeap(2400);
    expect(control.freeInArenas() - before).toBeGreaterThan(100 * MB);

    const retained = process.memoryUsage.rss();
    control.trim();
    const released = retained - process.memoryUsage.rss();
    release();
    expect(released).toBeGreaterThan(100 * MB);
  });
});

describe('MemoryReleaser', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function fakeControl(freeBytes: number) {
    const control: MallocControl & { trims: number; free: number } = {
      trims: 0,
      free: freeBytes,
      freeInArenas: () => control.free,
      trim: () => {
        control.trims += 1;
        control.free = 0;
      },
    };
    return control;
  }

  it('trims at once after a job that left more than the limit free', () => {
    const control = fakeControl(300 * MB);
    const releaser = new MemoryReleaser(control, { keepAtMostBytes: 192 * MB, idleMs: 1000 });
    releaser.jobStarted();
    releaser.jobFinished();
    expect(control.trims).toBe(1);
  });

  it('otherwise trims once idle, and not while jobs keep coming', () => {
    vi.useFakeTimers();
    const control = fakeControl(50 * MB);
    const releaser = new MemoryReleaser(control, { keepAtMostBytes: 192 * MB, idleMs: 1000 });
    releaser.jobStarted();
    releaser.jobFinished();
    vi.advanceTimersByTime(600);
    releaser.jobStarted();
    vi.advanceTimersByTime(2000);
    expect(control.trims).toBe(0);
    releaser.jobFinished();
    vi.advanceTimersByTime(999);
    expect(control.trims).toBe(0);
    vi.advanceTimersByTime(1);
    expect(control.trims).toBe(1);
  });

  it('does nothing where the C library offers no control', () => {
    const releaser = new MemoryReleaser(null);
    releaser.jobStarted();
    expect(() => releaser.jobFinished()).not.toThrow();
  });
});
