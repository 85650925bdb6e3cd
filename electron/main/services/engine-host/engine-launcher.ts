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

/**
 * The engine's environment: the parent's, plus `MALLOC_ARENA_MAX=2`. glibc otherwise gives every
 * thread that allocates (the OCR workers and their onnxruntime threads) its own malloc arena and
 * keeps each arena's peak: measured on the corpus with two busy OCR workers, the peak RSS increase
 * fell from 772 MB to 551 MB. Other C libraries (macOS, Windows) ignore the variable. A value the
 * user set is kept.
 */
export function engineEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...base,
    MALLOC_ARENA_MAX: base.MALLOC_ARENA_MAX ?? '2',
    // A fixed mmap threshold: glibc otherwise raises it to the largest block freed, so the OCR
    // tensors (MBs each, a new size per image) stay in the heap and the RSS only grows. Measured
    // on the corpus, one thread, clean images and photos in turn: 560–600 MB → 280–310 MB.
    MALLOC_MMAP_THRESHOLD_: base.MALLOC_MMAP_THRESHOLD_ ?? '131072',
    MALLOC_TRIM_THRESHOLD_: base.MALLOC_TRIM_THRESHOLD_ ?? '131072',
  };
}
