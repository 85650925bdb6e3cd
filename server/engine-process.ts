/**
 * Entry of the engine process the desktop's main process starts (Electron utilityProcess in the
 * app, child_process.fork in browser mode and tests). Protocol in shared/engine-protocol.ts: one `start`
 * message in, one `listening` or `failed` message out.
 */
import { describeZodError } from '../shared/api/index.js';
import { engineStartMessageSchema, type EngineReply } from '../shared/engine-protocol.js';
import { listenEngine, openEngineDataDir, stopOnSignals, type RunningEngine } from './engine-runtime.js';
import { ensureLocalTenant } from './tenancy/local-tenant.js';
import { errorMessage } from '../shared/error-message.js';

interface ParentChannel {
  onMessage(listener: (message: unknown) => void): void;
  /** Resolves once the message is handed over, so that exiting right after does not lose it. */
  send(message: EngineReply): Promise<void>;
}

/** The part of Electron's `process.parentPort` used here. */
interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

function isElectronParentPort(value: unknown): value is ElectronParentPort {
  return (
    typeof value === 'object' &&
    value !== null &&
    'on' in value &&
    typeof value.on === 'function' &&
    'postMessage' in value &&
    typeof value.postMessage === 'function'
  );
}

/** Electron's parentPort comes first: a utility process has no `process.send`. */
function parentChannel(): ParentChannel | undefined {
  const parentPort: unknown = Reflect.get(process, 'parentPort');
  if (isElectronParentPort(parentPort)) {
    return {
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
      send: (message) => {
        parentPort.postMessage(message);
        // postMessage has no completion callback; a short grace period lets it leave before exit.
        return new Promise((resolve) => setTimeout(resolve, 100));
      },
    };
  }
  const send = process.send?.bind(process);
  if (!send) return undefined;
  return {
    onMessage: (listener) => process.on('message', listener),
    send: (message) =>
      new Promise((resolve) => {
        send(message, undefined, undefined, () => resolve());
      }),
  };
}

async function start(raw: unknown): Promise<RunningEngine> {
  const message = engineStartMessageSchema.safeParse(raw);
  if (!message.success) throw new Error(`启动消息无效（${describeZodError(message.error)}）`);
  const db = openEngineDataDir(message.data.dataDir);
  try {
    ensureLocalTenant(db, message.data.apiKey);
  } catch (error) {
    db.close();
    throw error;
  }
  return listenEngine(db, { host: '127.0.0.1', port: 0, logger: { level: 'warn' } });
}

// engine.db and its -wal/-shm are the user's alone (0600 in 0700 folders).
process.umask(0o077);

const channel = parentChannel();
if (!channel) {
  console.error('engine-process 需要由桌面主进程启动（Electron utilityProcess 或 child_process.fork）');
  process.exit(1);
}

let started = false;
channel.onMessage((raw) => {
  // Only the first message counts: a second `start` must not open a second engine.
  if (started) return;
  started = true;
  start(raw).then(
    async (engine) => {
      const stop = stopOnSignals(engine);
      // A forked child whose parent died would otherwise serve forever.
      process.once('disconnect', stop);
      await channel.send({ type: 'listening', port: engine.port });
    },
    async (error: unknown) => {
      const message = errorMessage(error);
      await channel.send({ type: 'failed', message });
      process.exit(1);
    },
  );
});
