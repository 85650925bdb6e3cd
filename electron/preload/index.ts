import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { IPC_CALLS, IPC_EVENT_CHANNEL, ipcChannel } from '../../shared/ipc-channels.js';

// window.zxe: one function per IPC call, plus the event subscription — never ipcRenderer itself.
const bridge: Record<string, unknown> = {};
for (const name of IPC_CALLS) {
  bridge[name] = (args: unknown) => ipcRenderer.invoke(ipcChannel(name), args);
}
bridge.onEvent = (listener: (event: unknown) => void) => {
  const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
  ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
  };
};

// The path of a dropped file, so main can read it without the page holding its bytes.
bridge.pathForFile = (file: File) => webUtils.getPathForFile(file);

contextBridge.exposeInMainWorld('zxe', bridge);
