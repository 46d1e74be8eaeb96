/**
 * The sandboxed preload: puts `window.holdfast` on the page with one named
 * method per operation, never a generic invoke, so the page can reach nothing
 * but the API table. Only 'electron' is required at run time; the operation
 * names (generated from the domains' declarations) are bundled in.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, ipcChannel, PRINT_TO_PDF_CHANNEL, type HoldfastApi, type HoldfastBridge } from '../../shared/api-types';
import type { ChangeEvent } from '../../shared/events';
import { isMenuCommand, MENU_COMMAND_CHANNEL, type MenuCommand } from '../../shared/menu';
import { OPERATION_NAMES } from '../../shared/operation-names';
import type { Result } from '../../shared/result';

const api = Object.fromEntries(
  OPERATION_NAMES.map((name) => [
    name,
    (input: unknown, requestId?: string, responder?: string) => ipcRenderer.invoke(ipcChannel(name), input, requestId, responder) as Promise<Result<unknown>>,
  ]),
) as HoldfastApi;

const bridge: HoldfastBridge = {
  api,
  onChange(listener) {
    // The IpcRendererEvent stays here: it carries `sender`, which the page must not get.
    const forward = (_event: IpcRendererEvent, change: ChangeEvent): void => listener(change);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  },
  printToPdf: (html) => ipcRenderer.invoke(PRINT_TO_PDF_CHANNEL, html) as Promise<Uint8Array>,
  onMenuCommand(listener) {
    const forward = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command satisfies MenuCommand);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('holdfast', bridge);
