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
