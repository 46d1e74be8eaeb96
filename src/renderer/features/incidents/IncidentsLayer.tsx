import { useEffect } from 'react';
import { onChange } from '../../api/client';
import { useCommandShortcut } from '../../app/shortcuts';
import { DeclareDialog } from './declare/DeclareDialog';
import './incidents.css';
import { closeDeclare, incidentChanged, loadList, loadSettings, openDeclare, useIncidents } from './store';
import { TimerAlerts } from './TimerAlerts';

/**
 * What incidents need on every screen, mounted once by the app: live updates
 * from the core, Ctrl+I (Cmd+I) to declare, and the alerts of due step timers.
 */
export function IncidentsLayer() {
  const declaring = useIncidents((state) => state.declaring);
  useCommandShortcut('i', openDeclare);

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
      {declaring && <DeclareDialog onClose={closeDeclare} />}
    </>
  );
}
