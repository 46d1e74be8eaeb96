/**
 * The IPC side of the API table: one handler per operation, accepting calls
 * only from our own page, and change events pushed to the window.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, ipcChannel, type OperationName } from '../../shared/api-types';
import type { ChangeEvent } from '../../shared/events';
import { OPERATION_NAMES } from '../../shared/operation-names';
import { fail, type Result } from '../../shared/result';

export type Forward = (name: OperationName, input: unknown, requestId: string | undefined, responder: string | undefined) => Promise<Result<unknown>>;

/** `trustedUrlPrefix` is the origin the console is served from, e.g. `app://holdfast/`. */
export function registerIpc(forward: Forward, trustedUrlPrefix: string): void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(ipcChannel(name), (event: IpcMainInvokeEvent, input: unknown, requestId: unknown, responder: unknown) => {
      const url = event.senderFrame?.url;
      if (!url?.startsWith(trustedUrlPrefix)) {
        return fail('UNAUTHORIZED', `Operation ${name} was called from a page that is not Holdfast’s console.`);
      }
      return forward(name, input, typeof requestId === 'string' ? requestId : undefined, typeof responder === 'string' ? responder : undefined);
    });
  }
}

export function sendChange(contents: WebContents, event: ChangeEvent): void {
  if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event);
}
