/**
 * How the engine process is started: Electron's utilityProcess in the app, a Node child process
 * in browser mode and tests. The host only sees this shape.
 */
export interface EngineChild {
  /** OS process id, when known (logs; tests that simulate a crash). */
  readonly pid?: number;
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export type EngineLauncher = () => EngineChild;

/** A tunable for glibc's malloc, in the `GLIBC_TUNABLES` list syntax (`name=value:name=value`). */
const HUGE_PAGES_TUNABLE = 'glibc.malloc.hugetlb=1';

/**
 * The engine's environment: the parent's, plus settings for glibc's malloc (other C libraries —
 * macOS, Windows — ignore them; a value the user set is kept). The engine allocates and frees
 * hundreds of MB per OCR'd file from several threads; measured with the whole engine
 * (bench/engine-rss.bench.ts, docs/recognition.md):
 *
 * - `MALLOC_ARENA_MAX=2`: otherwise every thread that allocates (the OCR workers and their
 *   onnxruntime threads) gets its own arena, each keeping its own peak (peak RSS increase with two
 *   busy workers 772 → 551 MB).
 * - `MALLOC_MMAP_THRESHOLD_=4 MB`: blocks from 4 MB up (pixels, the detector's feature maps) get
 *   pages of their own, returned to the OS the moment they are freed. glibc's default threshold
 *   climbs to 32 MB after the first such block is freed, and from then on they come out of the
 *   arenas, whose freed middle stays resident (at the RSS peak of a busy run, 324–384 MB of the
 *   arenas were free).
 * - `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`: those pages are asked for as transparent huge pages
 *   (`madvise`), so fresh pages cost 2 MB faults instead of 4 KB ones (engine CPU for 82 images,
 *   single runs: with the threshold alone 13 % more than with neither, with both 3–5 % less).
 */
export function engineEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const tunables = base.GLIBC_TUNABLES;
  return {
    ...base,
    MALLOC_ARENA_MAX: base.MALLOC_ARENA_MAX ?? '2',
    MALLOC_MMAP_THRESHOLD_: base.MALLOC_MMAP_THRESHOLD_ ?? String(4 * 1024 * 1024),
    GLIBC_TUNABLES: !tunables
      ? HUGE_PAGES_TUNABLE
      : tunables.includes('glibc.malloc.hugetlb=')
        ? tunables
        : `${tunables}:${HUGE_PAGES_TUNABLE}`,
  };
}
