import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { DetectorGoneError, DetectorService, remoteDetector } from './shared-detector.js';
import type { DetectorTensor, RunDetector } from './text-detection.js';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) channel.port1.close();
});

function tensor(values: number[]): DetectorTensor {
  return { data: new Float32Array(values), dims: [1, 1, 1, values.length] };
}

/** A stand-in model: doubles every value, after `ms`, and records how many runs overlapped. */
function doubling(ms: number) {
  let running = 0;
  const seen = { maxRunning: 0, runs: 0 };
  const run: RunDetector = async (input) => {
    running += 1;
    seen.maxRunning = Math.max(seen.maxRunning, running);
    await new Promise((resolve) => setTimeout(resolve, ms));
    running -= 1;
    seen.runs += 1;
    return { data: input.data.map((v) => v * 2), dims: input.dims };
  };
  return { run, seen };
}

function connect(service: DetectorService) {
  const channel = new MessageChannel();
  channels.push(channel);
  service.serve(channel.port1);
  return { client: remoteDetector(channel.port2), channel };
}

describe('shared detector', () => {
  it('answers every worker with its own result, one detection at a time', async () => {
    const model = doubling(20);
    const service = new DetectorService(Promise.resolve(model.run));
    const a = connect(service).client;
    const b = connect(service).client;
    await Promise.all([a.ready, b.ready]);
    const results = await Promise.all([
      a.detect(tensor([1, 2])),
      b.detect(tensor([10, 20])),
      a.detect(tensor([3])),
    ]);
    expect(results.map((r) => [...r.data])).toEqual([[2, 4], [20, 40], [6]]);
    expect(results[0].dims).toEqual([1, 1, 1, 2]);
    expect(model.seen).toEqual({ maxRunning: 1, runs: 3 });
    await service.idle();
  });

  it('refuses every request when the model cannot be opened, naming why', async () => {
    const service = new DetectorService(Promise.reject(new Error('model file missing')));
    const { client } = connect(service);
    await expect(client.ready).rejects.toThrow('model file missing');
    await expect(client.detect(tensor([1]))).rejects.toThrow('model file missing');
  });

  it('passes a failed detection back to the worker that asked, and goes on serving', async () => {
    let calls = 0;
    const service = new DetectorService(
      Promise.resolve<RunDetector>((input) => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('bad input shape')) : Promise.resolve(input);
      }),
    );
    const { client } = connect(service);
    await expect(client.detect(tensor([1]))).rejects.toThrow('bad input shape');
    expect([...(await client.detect(tensor([5]))).data]).toEqual([5]);
  });

  it('fails waiting and later detections with DetectorGoneError once the thread is gone', async () => {
    const service = new DetectorService(Promise.resolve(doubling(200).run));
    const { client, channel } = connect(service);
    await client.ready;
    const waiting = client.detect(tensor([1]));
    channel.port1.close();
    await expect(waiting).rejects.toBeInstanceOf(DetectorGoneError);
    await expect(client.detect(tensor([1]))).rejects.toBeInstanceOf(DetectorGoneError);
  });

  it('ignores malformed messages on either side', async () => {
    const model = doubling(1);
    const service = new DetectorService(Promise.resolve(model.run));
    const { client, channel } = connect(service);
    // To the service: a request whose data does not match its shape is dropped, not run.
    channel.port2.postMessage({
      type: 'detect',
      id: 99,
      input: { data: new Float32Array(3), dims: [1, 1, 1, 2] },
    });
    // To the client: a reply nobody asked for, and a reply that is not one.
    channel.port1.postMessage({ type: 'detected', id: 12345, output: tensor([1]) });
    channel.port1.postMessage({ type: 'detected', id: 1, output: 'not a tensor' });
    expect([...(await client.detect(tensor([4]))).data]).toEqual([8]);
    expect(model.seen.runs).toBe(1);
  });
});
