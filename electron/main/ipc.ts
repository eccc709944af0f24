import { ipcMain } from 'electron';
import type { IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Core } from '../core/core';
import { toSerializedError, WorkbenchError } from '../core/api/errors';
import { droppedPaths, type PathGrants } from './path-grants';
import { appOrigin } from './security';

export const invokeChannel = 'workbench:invoke';
export const eventChannel = 'workbench:event';
/** The preload reports the paths of files dropped on the window (it alone can read them). */
export const droppedFilesChannel = 'workbench:dropped-files';

/** Only the app's own top frame may talk to main. */
function fromAppWindow(event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return Boolean(frame && frame.url.startsWith(`${appOrigin}/`) && frame.parent === null);
}

/**
 * The one IPC handler: the sender must be the app's own top frame, and a path argument must
 * be one the user chose (dialog or drop); core checks the rest against the contract.
 */
export function handleIpc(core: Core, grants: PathGrants): void {
  ipcMain.handle(invokeChannel, async (event, method: unknown, args: unknown) => {
    try {
      if (!fromAppWindow(event)) throw new WorkbenchError('FORBIDDEN', 'Refused: the request did not come from the app window.');
      grants.check(method, args);
    } catch (error) {
      return { ok: false, error: toSerializedError(error) };
    }
    return core.dispatch(method, args);
  });
  ipcMain.on(droppedFilesChannel, (event, paths: unknown) => {
    if (fromAppWindow(event)) grants.grant(droppedPaths(paths));
  });
}

export function forwardEvents(core: Core, contents: WebContents): void {
  core.subscribeAll((channel, payload) => {
    if (!contents.isDestroyed()) contents.send(eventChannel, channel, payload);
  });
}
