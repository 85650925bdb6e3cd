import { ipcMain, type WebContents } from 'electron';
import { IPC_CALLS, IPC_EVENT_CHANNEL, ipcChannel } from '../../../shared/ipc-channels.js';
import type { EventBus } from '../services/events/event-bus.js';
import { invokeThroughRouter } from './ipc-invoke.js';
import type { IpcRouter } from './router.js';

/** Wires the router to ipcMain: one `handle` per call, nothing else (see ipc-invoke.ts). */
export function registerIpc(router: IpcRouter): void {
  for (const name of IPC_CALLS) {
    ipcMain.handle(ipcChannel(name), (event, args: unknown) =>
      invokeThroughRouter(router, name, event, args),
    );
  }
}

/** Forwards push events to a window on the one event channel. */
export function forwardEvents(events: EventBus, target: WebContents): () => void {
  return events.subscribe((event) => {
    if (!target.isDestroyed()) target.send(IPC_EVENT_CHANNEL, event);
  });
}
