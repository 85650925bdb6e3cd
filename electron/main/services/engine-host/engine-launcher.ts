/**
 * How the engine process is started: Electron's utilityProcess in the app, a Node child process
 * in browser mode and tests. The host only sees this shape.
 */
export interface EngineChild {
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export type EngineLauncher = () => EngineChild;
