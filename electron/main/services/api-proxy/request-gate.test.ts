import { describe, expect, test } from 'vitest';
import { RequestGate } from './request-gate.js';

const never = new AbortController().signal;

describe('RequestGate', () => {
  test('lets through at most maxConcurrent, then the oldest call first', async () => {
    const gate = new RequestGate({ maxConcurrent: 2 });
    const order: number[] = [];
    const a = await gate.acquire(5, never);
    const b = await gate.acquire(6, never);
    const later = [9, 7, 8].map((seq) =>
      gate.acquire(seq, never).then((release) => {
        order.push(seq);
        release();
      }),
    );
    await Promise.resolve();
    expect(order).toEqual([]);
    a();
    b();
    await Promise.all(later);
    expect(order).toEqual([7, 8, 9]);
  });

  test('a pause holds everyone back until the server’s time, however many slots are free', async () => {
    let now = 1_000;
    const gate = new RequestGate({ maxConcurrent: 4, now: () => now });
    gate.pauseUntil(1_050);
    let passed = false;
    const waiting = gate.acquire(1, never).then((release) => {
      passed = true;
      return release;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(passed).toBe(false);
    now = 1_060;
    (await waiting)();
    expect(passed).toBe(true);
  });

  test('a waiting caller that gives up leaves the queue with its reason', async () => {
    const gate = new RequestGate({ maxConcurrent: 1 });
    const held = await gate.acquire(1, never);
    const abort = new AbortController();
    const waiting = gate.acquire(2, abort.signal);
    abort.abort(new Error('renderer left'));
    await expect(waiting).rejects.toThrow('renderer left');
    held();
    const next = await gate.acquire(3, never);
    next();
  });
});
