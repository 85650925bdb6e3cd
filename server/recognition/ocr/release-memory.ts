/**
 * Hands memory that has been freed back to the operating system.
 *
 * An OCR job allocates and frees a few hundred MB natively (onnxruntime's tensors, decoded
 * images). glibc's malloc keeps what is freed inside its arenas' heaps for reuse and only shrinks
 * a heap from its top, so after a busy minute the engine's RSS counts 300 MB and more that nothing
 * uses. `malloc_trim(0)` walks every arena and returns their free pages (madvise), without moving
 * anything that is live; `mallinfo2()` says how much is free inside the arenas.
 *
 * Returning memory is not free: the next job touches those pages again and the kernel has to
 * fault them back in (measured: trimming after every job cost 10–15 % more CPU per file). So
 * `MemoryReleaser` trims after a job only when much is kept, and otherwise once the worker has sat
 * idle for a moment.
 *
 * Only glibc has these calls: elsewhere (macOS, Windows, musl) this is a no-op, as it is when the
 * FFI library cannot be loaded — memory is then merely retained, never wrong.
 */
import { createRequire } from 'node:module';
import type * as Koffi from 'koffi';

/** The two C library calls this needs. */
export interface MallocControl {
  /** Bytes free inside malloc's arenas (kept by malloc, counted in RSS where touched). */
  freeInArenas(): number;
  /** Returns the arenas' free pages to the OS. */
  trim(): void;
}

function loadGlibc(): MallocControl | null {
  if (process.platform !== 'linux') return null;
  try {
    // Required lazily: the native FFI module is loaded only where it can be used.
    const koffi = createRequire(import.meta.url)('koffi') as typeof Koffi;
    const libc = koffi.load('libc.so.6');
    const mallocTrim = libc.func('int malloc_trim(size_t pad)') as (pad: number) => number;
    return { freeInArenas: loadFreeInArenas(koffi, libc), trim: () => void mallocTrim(0) };
  } catch {
    // Not glibc (musl has no libc.so.6 and no malloc_trim), or no prebuilt FFI module here.
    return null;
  }
}

/**
 * `mallinfo2()`'s free bytes inside the arenas (`fordblks`). glibc before 2.33 has no mallinfo2
 * (and mallinfo's int fields wrap past 2 GB): there the count reads 0, so the thread trims only
 * when idle.
 */
function loadFreeInArenas(koffi: typeof Koffi, libc: Koffi.LibraryHandle): () => number {
  try {
    const fields = [
      'arena',
      'ordblks',
      'smblks',
      'hblks',
      'hblkhd',
      'usmblks',
      'fsmblks',
      'uordblks',
      'fordblks',
      'keepcost',
    ];
    const struct = koffi.struct(Object.fromEntries(fields.map((name) => [name, 'size_t'])));
    const mallinfo2 = libc.func('mallinfo2', struct, []) as () => {
      fordblks?: unknown;
    };
    return () => Number(mallinfo2().fordblks ?? 0);
  } catch {
    return () => 0;
  }
}

let glibc: MallocControl | null | undefined;

/** The C library's controls, where there are any (Linux with glibc); loaded once per thread. */
export function mallocControl(): MallocControl | null {
  if (glibc === undefined) glibc = loadGlibc();
  return glibc;
}

export interface ReleasePolicy {
  /** Trim straight after a job when more than this is free inside the arenas. */
  keepAtMostBytes: number;
  /** Otherwise trim once no job has started for this long. */
  idleMs: number;
}

/**
 * 96 MB. Measured with the whole engine over 20 images one at a time (before big blocks were
 * given pages of their own, see engine-launcher.ts): trimming after every job cost 976k page faults
 * and 35.2 s of CPU, after jobs leaving over 192 MB free 529k and 32.0 s, never 143k and 30.2 s.
 * With blocks from 4 MB up outside the arenas, over 82 images: 192 MB → 96 MB took the peak RSS
 * from 593–634 to 540–558 MB for 1.86M → 3.36M page faults (one run each; about 2 % more CPU).
 */
export const DEFAULT_RELEASE_POLICY: ReleasePolicy = { keepAtMostBytes: 96 * 1024 * 1024, idleMs: 1000 };

/**
 * When an OCR thread returns freed memory: after a job that left more than `keepAtMostBytes` free
 * in the arenas (a burst of files does not pile up hundreds of MB), or once the thread has been
 * idle for `idleMs` (the pool between bursts holds only what is live).
 */
export class MemoryReleaser {
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly control: MallocControl | null = mallocControl(),
    private readonly policy: ReleasePolicy = DEFAULT_RELEASE_POLICY,
  ) {}

  jobStarted(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  jobFinished(): void {
    const control = this.control;
    if (!control) return;
    if (control.freeInArenas() > this.policy.keepAtMostBytes) {
      control.trim();
      return;
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      control.trim();
    }, this.policy.idleMs);
    // An idle thread's pending trim never keeps it (or a test) alive.
    this.idleTimer.unref();
  }
}
