import { describe, expect, it } from 'vitest';
import { engineEnvironment } from './engine-launcher.js';

describe('engineEnvironment', () => {
  it("adds glibc malloc's settings and keeps the rest of the environment", () => {
    const env = engineEnvironment({ PATH: '/usr/bin', HOME: '/home/u' });
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/u',
      MALLOC_ARENA_MAX: '2',
      MALLOC_MMAP_THRESHOLD_: '4194304',
      GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1',
    });
  });

  it('keeps values the user set', () => {
    const env = engineEnvironment({
      MALLOC_ARENA_MAX: '4',
      MALLOC_MMAP_THRESHOLD_: '131072',
      GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0',
    });
    expect(env).toMatchObject({
      MALLOC_ARENA_MAX: '4',
      MALLOC_MMAP_THRESHOLD_: '131072',
      GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0',
    });
  });

  it("adds the huge-page tunable to the user's other tunables", () => {
    expect(engineEnvironment({ GLIBC_TUNABLES: 'glibc.malloc.tcache_count=0' }).GLIBC_TUNABLES).toBe(
      'glibc.malloc.tcache_count=0:glibc.malloc.hugetlb=1',
    );
  });
});
