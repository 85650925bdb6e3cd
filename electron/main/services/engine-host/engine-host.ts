import { engineReplySchema, type EngineStartMessage } from '../../../../shared/engine-protocol.js';
import { generateApiKey } from '../../../../shared/api/api-key-format.js';
import type { EngineStatus } from '../../../../shared/ipc.js';
import type { AppLogger } from '../../logging/logger.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { EngineChild, EngineLauncher } from './engine-launcher.js';
import { errorMessage } from '../../../../shared/error-message.js';

export interface EngineConnection {
  baseUrl: string;
  apiKey: string;
}

export interface EngineHostOptions {
  launch: EngineLauncher;
  /** The engine keeps its SQLite database here. */
  dataDir: string;
  secrets: SecretStore;
  logger: AppLogger;
  onStatus?: (status: EngineStatus) => void;
  startTimeoutMs?: number;
  /** Delays before successive restarts after a crash; the last one repeats. */
  restartDelaysMs?: readonly number[];
}

/** The local engine was stopped (quitting, or switched to cloud mode) and is not to be restarted by a call. */
export class EngineUnavailableError extends Error {
  constructor(message = '本地引擎未运行') {
    super(message);
    this.name = 'EngineUnavailableError';
  }
}

/** The local engine could not be started this time (it crashed while starting, timed out, refused). */
export class EngineStartFailedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EngineStartFailedError';
  }
}

const DEFAULT_RESTART_DELAYS = [500, 1_000, 2_000, 5_000, 10_000, 30_000] as const;

/**
 * Runs the local engine in its own process on 127.0.0.1:<random port> with a key generated on this
 * machine and kept in the keychain like any other. Restarts it when it dies; stops it on quit.
 */
export class EngineHost {
  readonly #options: EngineHostOptions;
  #status: EngineStatus = { state: 'stopped' };
  #child: EngineChild | undefined;
  #connection: Promise<EngineConnection> | undefined;
  #stopping = false;
  /** Set by stop(), cleared by start(): a stopped engine is not brought back by the next call. */
  #stoppedOnRequest = false;
  #crashes = 0;
  #restartTimer: NodeJS.Timeout | undefined;

  constructor(options: EngineHostOptions) {
    this.#options = options;
  }

  get status(): EngineStatus {
    return { ...this.#status };
  }

  /**
   * The running engine's address and key, starting it if needed (on first use, or right away after
   * a crash) — but not after stop(): then calls fail fast until start() is called again.
   */
  connection(): Promise<EngineConnection> {
    if (this.#stoppedOnRequest) return Promise.reject(new EngineUnavailableError());
    this.#connection ??= this.#start();
    return this.#connection;
  }

  start(): Promise<EngineConnection> {
    this.#stopping = false;
    this.#stoppedOnRequest = false;
    return this.connection();
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    this.#stoppedOnRequest = true;
    clearTimeout(this.#restartTimer);
    const child = this.#child;
    this.#child = undefined;
    this.#connection = undefined;
    if (child) {
      const exited = new Promise<void>((resolve) => child.onExit(() => resolve()));
      child.kill();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
    }
    this.#setStatus({ state: 'stopped' });
  }

  async #start(): Promise<EngineConnection> {
    this.#setStatus({ state: 'starting' });
    try {
      const apiKey = await this.#localKey();
      const port = await this.#launch(apiKey);
      this.#setStatus({ state: 'running' });
      return { baseUrl: `http://127.0.0.1:${String(port)}`, apiKey };
    } catch (error) {
      this.#connection = undefined;
      const message = errorMessage(error);
      this.#options.logger.error({ err: message }, 'local engine failed to start');
      this.#setStatus({ state: 'failed', message: `本地引擎启动失败：${message}` });
      throw new EngineStartFailedError(message, { cause: error });
    }
  }

  async #localKey(): Promise<string> {
    const existing = await this.#options.secrets.readForRequest('local-engine');
    if (existing) return existing;
    const key = generateApiKey('live');
    await this.#options.secrets.set('local-engine', key);
    return key;
  }

  #launch(apiKey: string): Promise<number> {
    const child = this.#options.launch();
    this.#child = child;
    const timeoutMs = this.#options.startTimeoutMs ?? 20_000;
    return new Promise<number>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        settle(() => reject(new Error(`${String(timeoutMs / 1000)} 秒内未就绪`)));
        child.kill();
      }, timeoutMs);
      const settle = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      child.onMessage((raw) => {
        const parsed = engineReplySchema.safeParse(raw);
        if (!parsed.success) return;
        const reply = parsed.data;
        if (reply.type === 'listening') settle(() => resolve(reply.port));
        else settle(() => reject(new Error(reply.message)));
      });
      child.onExit((code) => {
        settle(() => reject(new Error(`进程已退出（代码 ${String(code)}）`)));
        this.#onExit(child, code);
      });
      const start: EngineStartMessage = { type: 'start', dataDir: this.#options.dataDir, apiKey };
      child.postMessage(start);
    });
  }

  #onExit(child: EngineChild, code: number | null): void {
    if (this.#child !== child || this.#stopping) return;
    this.#child = undefined;
    this.#connection = undefined;
    const delays = this.#options.restartDelaysMs ?? DEFAULT_RESTART_DELAYS;
    const delay = delays[Math.min(this.#crashes, delays.length - 1)] ?? 1_000;
    this.#crashes += 1;
    this.#options.logger.warn({ code, delay }, 'local engine exited unexpectedly; restarting');
    this.#setStatus({
      state: 'failed',
      message: `本地引擎意外退出，${String(Math.round(delay / 100) / 10)} 秒后重启`,
    });
    this.#restartTimer = setTimeout(() => {
      if (this.#stopping) return;
      this.connection().then(
        () => {
          this.#crashes = 0;
        },
        () => undefined,
      );
    }, delay);
  }

  #setStatus(status: EngineStatus): void {
    this.#status = status;
    this.#options.onStatus?.({ ...status });
  }
}
