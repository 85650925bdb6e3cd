import { describe, expect, it } from 'vitest';
import { engineEnvironment } from './engine-launcher.js';

describe('engineEnvironment', () => {
  it('limits glibc malloc arenas and keeps the rest of the environment', () => {
    const env = engineEnvironment({ PATH: '/usr/bin', HOME: '/home/u' });
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/home/u', MALLOC_ARENA_MAX: '2' });
  });

  it('keeps a value the user set', () => {
    expect(engineEnvironment({ MALLOC_ARENA_MAX: '4' }).MALLOC_ARENA_MAX).toBe('4');
  });
});
