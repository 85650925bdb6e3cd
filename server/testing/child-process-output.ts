import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';

/** Resolves with the first line of `stream` that matches, or rejects after `timeoutMs`. */
export function waitForLine(stream: Readable, pattern: RegExp, timeoutMs = 20_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      stream.off('data', onData);
      reject(
        new Error(`no line matching ${String(pattern)} within ${String(timeoutMs)} ms; got: ${buffered}`),
      );
    }, timeoutMs);
    function onData(chunk: Buffer): void {
      buffered += chunk.toString();
      for (const line of buffered.split('\n')) {
        const match = pattern.exec(line);
        if (match) {
          clearTimeout(timer);
          stream.off('data', onData);
          resolve(match);
          return;
        }
      }
    }
    stream.on('data', onData);
  });
}

/** Everything the stream writes, for assertions after the process ends. */
export function collect(stream: Readable): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

export function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
