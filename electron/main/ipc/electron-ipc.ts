import { ipcMain, type WebContents } from 'electron';
import { IPC_CALLS, IPC_EVENT_CHANNEL, ipcChannel } from '../../../shared/ipc-channels.js';
import type { EventBus } from '../services/events/event-bus.js';
import type { IpcRouter } from './router.js';

/**
 * Wires the router to ipcMain: one `handle` per call. The origin checked is the sending frame's
 * own (not the window's), so an injected iframe cannot borrow the app's rights.
 */
export function registerIpc(router: IpcRouter): void {
  for (const name of IPC_CALLS) {
    ipcMain.handle(ipcChannel(name), (event, args: unknown) => {
      const origin = event.senderFrame?.origin;
      const abort = new AbortController();
      const onGone = (): void => abort.abort();
      event.sender.once('destroyed', onGone);
      return router.dispatch(name, args, origin, abort.signal).finally(() => {
        event.sender.off('destroyed', onGone);
      });
    });
  }
}

/** Forwards push events to a window on the one event channel. */
export function forwardEvents(events: EventBus, target: WebContents): () => void {
  return events.subscribe((event) => {
    if (!target.isDestroyed()) target.send(IPC_EVENT_CHANNEL, event);
  });
}
