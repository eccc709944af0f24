import { ipcMain } from 'electron';
import type { WebContents } from 'electron';
import type { Core } from '../core/core';
import { toSerializedError, WorkbenchError } from '../core/api/errors';
import { appOrigin } from './security';

export const invokeChannel = 'workbench:invoke';
export const eventChannel = 'workbench:event';

/** The one IPC handler: the sender must be the app's own top frame; core checks the rest. */
export function handleIpc(core: Core): void {
  ipcMain.handle(invokeChannel, async (event, method: unknown, args: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!frameUrl.startsWith(`${appOrigin}/`) || event.senderFrame?.parent !== null) {
      return { ok: false, error: toSerializedError(new WorkbenchError('FORBIDDEN', 'Refused: the request did not come from the app window.')) };
    }
    return core.dispatch(method, args);
  });
}

export function forwardEvents(core: Core, contents: WebContents): void {
  core.subscribeAll((channel, payload) => {
    if (!contents.isDestroyed()) contents.send(eventChannel, channel, payload);
  });
}
