import { IPC_CALLS, type IpcCallName } from '../../shared/ipc-channels';
import {
  ipcContract,
  ipcErrorSchema,
  ipcEventSchema,
  type IpcArgs,
  type IpcData,
  type IpcError,
  type IpcEvent,
  type IpcResult,
  type ZxeBridge,
} from '../../shared/ipc';

/**
 * The renderer's only door to main. In Electron the preload exposes `window.zxe`; in a plain browser
 * (end-to-end tests, development without Electron) the same calls go over HTTP to a stand-in that
 * forwards to the same IPC router:
 *   POST /__zxe/invoke/<call>  body: JSON args  →  JSON IpcResult
 *   GET  /__zxe/events         Server-Sent Events, each `data:` line one JSON IpcEvent
 * Both ride on the session cookie the server set when the page was opened with the launch's token
 * (electron/browser/browser-session.ts): same-origin fetch and EventSource send it by themselves,
 * and the page never sees it (HttpOnly). Without it every call answers 403 with an IpcError.
 */

/** An IPC error thrown out of `unwrap`, so react-query sees a failed query with the API's fields. */
export class BridgeError extends Error {
  readonly code: number;
  readonly type: IpcError['type'];

  constructor(error: IpcError) {
    super(error.message);
    this.name = 'BridgeError';
    this.code = error.code;
    this.type = error.type;
  }
}

export function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.data;
  throw new BridgeError(result.error);
}

const networkError: IpcError = { code: 0, type: 'network_error', message: '无法连接到应用后台' };

function unrecognizedAnswer(status: number): IpcError {
  return { code: status, type: 'internal_error', message: '应用后台返回了无法识别的应答' };
}

async function invokeOverHttp<K extends IpcCallName>(
  name: K,
  args: IpcArgs<K>,
): Promise<IpcResult<IpcData<K>>> {
  let response: Response;
  try {
    response = await fetch(`/__zxe/invoke/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    });
  } catch {
    return { ok: false, error: networkError };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, error: unrecognizedAnswer(response.status) };
  }
  return parseIpcResult(name, body, response.status);
}

/** The HTTP answer crosses a boundary, so it is parsed with the contract like main parses arguments. */
function parseIpcResult<K extends IpcCallName>(
  name: K,
  body: unknown,
  status: number,
): IpcResult<IpcData<K>> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) {
    return { ok: false, error: unrecognizedAnswer(status) };
  }
  if (body.ok === true && 'data' in body) {
    const data = ipcContract[name].result.safeParse(body.data);
    // The contract's result schema for K parses to IpcData<K>; TypeScript cannot follow the index.
    return data.success
      ? { ok: true, data: data.data as IpcData<K> }
      : { ok: false, error: unrecognizedAnswer(status) };
  }
  if (body.ok === false && 'error' in body) {
    const error = ipcErrorSchema.safeParse(body.error);
    return { ok: false, error: error.success ? error.data : unrecognizedAnswer(status) };
  }
  return { ok: false, error: unrecognizedAnswer(status) };
}

function subscribeOverServerSentEvents(listener: (event: IpcEvent) => void): () => void {
  const source = new EventSource('/__zxe/events');
  source.onmessage = (message: MessageEvent<string>) => {
    let raw: unknown;
    try {
      raw = JSON.parse(message.data);
    } catch {
      return;
    }
    const event = ipcEventSchema.safeParse(raw);
    if (event.success) listener(event.data);
  };
  return () => source.close();
}

function createHttpBridge(): ZxeBridge {
  const calls = Object.fromEntries(
    IPC_CALLS.map((name) => [name, (args: IpcArgs<typeof name>) => invokeOverHttp(name, args)]),
  );
  // One entry per name of IPC_CALLS, each typed by its own name: the shape of ZxeBridge.
  return { ...calls, onEvent: subscribeOverServerSentEvents } as ZxeBridge;
}

function exposedByPreload(): ZxeBridge | undefined {
  return (window as Window & { zxe?: ZxeBridge }).zxe;
}

export const bridge: ZxeBridge = exposedByPreload() ?? createHttpBridge();

/** recognizeInvoice's `file`: in Electron the dropped file's path (main reads it), else its bytes. */
export async function invoiceFileArg(file: File): Promise<{ path: string } | { bytesBase64: string }> {
  const path = bridge.pathForFile?.(file);
  if (path) return { path };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return { bytesBase64: btoa(binary) };
}

/** The Chinese text to show for whatever a query or mutation failed with. */
export function errorMessage(error: unknown): string {
  return error instanceof BridgeError ? error.message : '发生意外错误，请稍后重试';
}

/** 401 and a missing key both mean the user has to (re-)enter the API key in 设置. */
export function needsApiKey(error: unknown): boolean {
  return (
    error instanceof BridgeError &&
    (error.code === 401 || error.type === 'authentication_error' || error.type === 'key_missing')
  );
}
