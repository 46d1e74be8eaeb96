import { useEffect } from 'react';
import { onChange } from '../../api/client';
import { KEYS } from '../../app/keymap';
import { useCommandShortcut } from '../../app/shortcuts';
import { DeclareDialog } from './declare/DeclareDialog';
import './incidents.css';
import { closeDeclare, incidentChanged, loadList, loadSettings, openDeclare, useIncidents } from './store';
import { TimerAlerts } from './TimerAlerts';
import { UpdateReminders } from './UpdateReminders';

/**
 * What incidents need on every screen, mounted once by the app: live updates
 * from the core, Ctrl+I (Cmd+I) to declare, the alerts of due step timers and
 * reminders of overdue status updates.
 */
export function IncidentsLayer() {
  const declaring = useIncidents((state) => state.declaring);
  useCommandShortcut(KEYS.declare, openDeclare);

  useEffect(() => {
    void loadList();
    void loadSettings();
    return onChange((event) => {
      if (event.type === 'incident.changed') incidentChanged(event);
      else if (event.type === 'workspace.changed') void loadSettings();
      else if (event.type === 'rosters.changed') useIncidents.setState((state) => ({ rosterVersion: state.rosterVersion + 1 }));
    });
  }, []);

  return (
    <>
      <TimerAlerts />
      <UpdateReminders />
      {declaring && <DeclareDialog onClose={closeDeclare} />}
    </>
  );
}
