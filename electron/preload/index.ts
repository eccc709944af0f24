import { contextBridge, ipcRenderer } from 'electron';

// The renderer's only door: invoke a contract method, or subscribe to core events.
contextBridge.exposeInMainWorld('workbench', {
  invoke: (method: string, args: unknown) => ipcRenderer.invoke('workbench:invoke', method, args),
  subscribe: (channel: string, listener: (payload: unknown) => void) => {
    const handler = (_event: unknown, eventChannel: string, payload: unknown) => {
      if (eventChannel === channel) listener(payload);
    };
    ipcRenderer.on('workbench:event', handler);
    return () => ipcRenderer.removeListener('workbench:event', handler);
  },
});
