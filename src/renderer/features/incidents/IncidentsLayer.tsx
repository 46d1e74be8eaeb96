import { KEYS } from '../../app/keymap';
import { useCommandShortcut } from '../../app/shortcuts';
import { DeclareDialog } from './declare/DeclareDialog';
import './incidents.css';
import { closeDeclare, openDeclare, useIncidentsUi } from './store';
import { TimerAlerts } from './TimerAlerts';
import { UpdateReminders } from './UpdateReminders';

/**
 * What incidents need on every screen, mounted once by the app: Ctrl+I (Cmd+I)
 * to declare, the alerts of due step timers and reminders of overdue status updates.
 * (Live updates come through the data layer: src/renderer/api/live.ts.)
 */
export function IncidentsLayer() {
  const declaring = useIncidentsUi((state) => state.declaring);
  useCommandShortcut(KEYS.declare, openDeclare);

  return (
    <>
      <TimerAlerts />
      <UpdateReminders />
      {declaring && <DeclareDialog onClose={closeDeclare} />}
    </>
  );
}
