import { describe, expect, test, vi } from 'vitest';
import { ReachabilityTracker } from './reachability-tracker.js';
import { ReconnectProbe } from './reconnect-probe.js';

describe('reachability', () => {
  test('reports changes only: answered → online, no answer → offline, a new connection → unknown', () => {
    const changes: string[] = [];
    const tracker = new ReachabilityTracker((state) => changes.push(state));
    expect(tracker.state).toBe('unknown');
    tracker.answered();
    tracker.answered();
    tracker.unreachable();
    tracker.unreachable();
    tracker.reset();
    tracker.answered();
    expect(changes).toEqual(['online', 'offline', 'unknown', 'online']);
  });

  test('while offline the probe asks again with growing pauses, and stops once online', async () => {
    vi.useFakeTimers();
    try {
      const probe = vi.fn(() => Promise.reject(new Error('still down')));
      const prober = new ReconnectProbe({ probe, delaysMs: [100, 300] });
      prober.offline();
      prober.offline(); // already probing: no second schedule
      await vi.advanceTimersByTimeAsync(99);
      expect(probe).toHaveBeenCalledTimes(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(probe).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(299);
      expect(probe).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(probe).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(300);
      expect(probe).toHaveBeenCalledTimes(3);
      prober.online();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(probe).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
