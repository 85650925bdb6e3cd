/**
 * A full garbage collection of this thread's V8 heap, run by an OCR thread once a job (or a
 * detection) is over.
 *
 * An OCR job leaves tens of MB of dead pixel buffers (the decoded raster, its enhanced and turned
 * copies, the QR reader's RGBA copies, the detector's input and output). Their memory is malloc'd
 * outside V8's heap, and V8 collects them only once the thread's external memory has grown some
 * 64 MB past what it was at the last collection — so each of the pool's isolates could hold that
 * much garbage, and they rarely collect at the same moment. Collecting when the job is over costs a
 * few ms (these heaps hold 10–40 MB of live objects) and hands the buffers back to malloc at once,
 * where the release policy (release-memory.ts) can return them to the OS.
 *
 * `gc` is V8's own, exposed for this thread through the `--expose-gc` flag set at run time and read
 * from a fresh context (the flag applies to contexts created after it is set). Where that fails the
 * call does nothing: memory is then collected by V8's own schedule, never wrongly.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

function exposeGc(): () => void {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    if (typeof gc === 'function') return () => void Reflect.apply(gc, undefined, []);
  } catch {
    // Flags locked (embedders may forbid changing them): V8's own schedule collects.
  }
  return () => undefined;
}

let collect: (() => void) | undefined;

/** Collects this thread's garbage now (a no-op where V8's `gc` cannot be reached). */
export function collectGarbage(): void {
  collect ??= exposeGc();
  collect();
}
