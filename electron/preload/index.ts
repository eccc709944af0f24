import { contextBridge, ipcRenderer, webUtils } from 'electron';

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

// Main accepts a file path from the page only if the user chose that file. For a drop,
// only the preload can learn the paths (webUtils), so it tells main which files the user
// dropped, before the page's own drop handler runs (capture phase). Nothing is exposed.
window.addEventListener(
  'drop',
  (event) => {
    const paths = Array.from(event.dataTransfer?.files ?? [], (file) => webUtils.getPathForFile(file)).filter((path) => path !== '');
    if (paths.length > 0) ipcRenderer.send('workbench:dropped-files', paths);
  },
  true,
);
