import { useLoad } from './load/store';
import { useSchedule } from './schedule/store';
import { useOnCall } from './store';

/** After the roster changed anywhere (this console, another one, the CLI): fetch again what the on-call screens show. */
export function refreshOnCall(): void {
  void useOnCall.getState().refresh();
  void useSchedule.getState().reload();
  if (useLoad.getState().rows !== null) void useLoad.getState().load();
}
