import type { IpcCallName } from '../../../shared/ipc-channels.js';
import type { IpcResult } from '../../../shared/ipc.js';
import type { IpcRouter } from './router.js';

/** The part of Electron's IpcMainInvokeEvent the adapter uses (structural, so tests need no Electron). */
export interface InvokeEventLike {
  /** Null once the frame has navigated away or been destroyed. */
  senderFrame?: { origin: string } | null;
  sender: {
    once(event: 'destroyed', listener: () => void): unknown;
    off(event: 'destroyed', listener: () => void): unknown;
  };
}

/**
 * One `ipcMain.handle` call: the origin checked is the sending frame's own (not the window's), so
 * an injected iframe cannot borrow the app's rights; a gone frame has no origin and is refused.
 * When the window goes away mid-call the work is cancelled.
 */
export function invokeThroughRouter(
  router: IpcRouter,
  name: IpcCallName,
  event: InvokeEventLike,
  args: unknown,
): Promise<IpcResult<unknown>> {
  const origin = event.senderFrame?.origin;
  const abort = new AbortController();
  const onGone = (): void => abort.abort();
  event.sender.once('destroyed', onGone);
  return router.dispatch(name, args, origin, abort.signal).finally(() => {
    event.sender.off('destroyed', onGone);
  });
}
