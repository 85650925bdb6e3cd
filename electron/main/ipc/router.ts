import { describeZodError } from '../../../shared/api/validation.js';
import { IPC_CALLS, type IpcCallName } from '../../../shared/ipc-channels.js';
import {
  ipcContract,
  type IpcData,
  type IpcError,
  type IpcParsedArgs,
  type IpcResult,
} from '../../../shared/ipc.js';
import { toIpcError } from './to-ipc-error.js';

export type IpcHandlers = {
  [K in IpcCallName]: (args: IpcParsedArgs<K>, context: IpcCallContext) => Promise<IpcData<K>>;
};

export interface IpcCallContext {
  /** Fires when the caller gave up on the request (window closed, navigation, browser disconnect). */
  signal: AbortSignal;
}

export interface IpcRouterOptions {
  handlers: IpcHandlers;
  /** Only frames of the app itself may call; everything else is refused before any work. */
  isTrustedOrigin: (origin: string | undefined) => boolean;
  onError?: (name: string, error: unknown) => void;
}

export interface IpcRouter {
  dispatch(
    name: string,
    rawArgs: unknown,
    origin: string | undefined,
    signal?: AbortSignal,
  ): Promise<IpcResult<unknown>>;
}

const FOREIGN_SENDER: IpcError = {
  code: 403,
  message: '拒绝访问：请求来源不受信任',
  type: 'permission_error',
};

function isCallName(name: string): name is IpcCallName {
  return (IPC_CALLS as readonly string[]).includes(name);
}

/**
 * The one entry point of every IPC call, shared by the Electron adapter and browser mode: checks the
 * sender's origin, validates the arguments with the contract's schema, runs the handler and shapes
 * the answer — the result is parsed with its schema too, so nothing outside the contract (a key
 * above all) can ride along.
 */
export function createIpcRouter(options: IpcRouterOptions): IpcRouter {
  return {
    async dispatch(name, rawArgs, origin, signal = new AbortController().signal) {
      if (!options.isTrustedOrigin(origin)) return { ok: false, error: FOREIGN_SENDER };
      if (!isCallName(name)) {
        return { ok: false, error: { code: 404, message: `未知的调用：${name}`, type: 'not_found_error' } };
      }
      return run(name, rawArgs, signal);
    },
  };

  async function run<K extends IpcCallName>(
    name: K,
    rawArgs: unknown,
    signal: AbortSignal,
  ): Promise<IpcResult<IpcData<K>>> {
    const contract = ipcContract[name];
    const args = contract.args.safeParse(rawArgs ?? {});
    if (!args.success) {
      return {
        ok: false,
        error: { code: 400, message: describeZodError(args.error), type: 'invalid_request_error' },
      };
    }
    try {
      const handler = options.handlers[name] as (a: unknown, c: IpcCallContext) => Promise<unknown>;
      const data = await handler(args.data, { signal });
      return { ok: true, data: contract.result.parse(data) as IpcData<K> };
    } catch (error) {
      options.onError?.(name, error);
      return { ok: false, error: toIpcError(error) };
    }
  }
}
