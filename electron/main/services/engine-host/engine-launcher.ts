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
  return { ...base, MALLOC_ARENA_MAX: base.MALLOC_ARENA_MAX ?? '2' };
}
