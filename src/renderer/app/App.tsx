import { useEffect } from 'react';
import { connection } from '../api/client';
import { startLiveUpdates } from '../api/live';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { KeyboardOverlays } from '../features/commands/KeyboardOverlays';
import { openHelp, openPalette } from '../features/commands/store';
import { IncidentsLayer } from '../features/incidents/IncidentsLayer';
import { DeclareButton, IncidentsNavLink } from '../features/incidents/IncidentsNav';
import { IncidentsScreen } from '../features/incidents/list/IncidentsScreen';
import { IncidentScreen } from '../features/incidents/screen/IncidentScreen';
import { IncidentHistoryScreen } from '../features/history/HistoryScreen';
import { CalendarScreen } from '../features/changes/CalendarScreen';
import { ChangeScreen } from '../features/changes/ChangeScreen';
import { ChangesScreen } from '../features/changes/ChangesScreen';
import { DrillScreen } from '../features/drills/DrillScreen';
import { DrillsNavLink, isDrillRoute } from '../features/drills/DrillsNav';
import { MetricsScreen } from '../features/metrics/MetricsScreen';
import { SloListScreen } from '../features/slos/SloListScreen';
import { SloScreen } from '../features/slos/SloScreen';
import { BackupsScreen } from '../features/backups/BackupsScreen';
import { RecoveryScreen } from '../features/recovery/RecoveryScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { restoringHere } from '../features/recovery/restored';
import { RestoredNotice } from '../features/recovery/RestoredNotice';
import { useRecoveryState } from '../features/recovery/queries';
import { NowBoard } from '../features/oncall/board/NowBoard';
import { LoadScreen } from '../features/oncall/load/LoadScreen';
import { ScheduleScreen } from '../features/oncall/schedule/ScheduleScreen';
import { PostmortemScreen } from '../features/postmortems/PostmortemScreen';
import { EditorScreen } from '../features/runbooks/editor/EditorScreen';
import { HistoryScreen } from '../features/runbooks/history/HistoryScreen';
import { LibraryScreen } from '../features/runbooks/LibraryScreen';
import { useRunbookList } from '../features/runbooks/queries';
import { dismissLibraryError, useLibrary } from '../features/runbooks/store';
import { ErrorBanner } from '../components/ErrorBanner';
import { ForResponders } from '../features/session/ForResponders';
import { ResponderButton } from '../features/responder/ResponderButton';
import { ReadOnlyBadge } from '../features/session/ReadOnlyBadge';
import { closedToViewers, ReadOnlyScreen } from '../features/session/ReadOnlyScreen';
import { useCanWrite, useRole } from '../features/session/queries';
import { DemoBanner } from '../features/workspace/DemoBanner';
import { WallScreen } from '../features/wall/WallScreen';
import { useWorkspaceInfo } from '../features/workspace/queries';
import { navigate, useRoute, type Route } from './route';
import { useGlobalShortcuts, useKeyShortcut } from './shortcuts';
import { KEYS } from './keymap';
import { THEME_LABELS, useTheme } from './theme';
import { ThemeIcon } from '../components/icons';
import { SyncIndicator } from '../features/sync/SyncIndicator';

export function App() {
  const route = useRoute();
  const list = useRunbookList();
  const listLoaded = list.data !== undefined;
  const actionError = useLibrary((state) => state.error);
  const workspaceError = useWorkspaceInfo().error?.message ?? null;
  const error = actionError ?? list.error?.message ?? workspaceError;
  const recovery = useRecoveryState();
  const role = useRole();
  useGlobalShortcuts();
  useKeyShortcut(KEYS.goOnCall, () => navigate({ screen: 'oncall' }));

  useEffect(
    () =>
      // The console's one subscription to change events: they refresh what is cached (src/renderer/api/invalidation.ts).
      startLiveUpdates((event) => {
        // A backup was restored in another console: everything held here describes the store it replaced.
        if (event.type === 'store.replaced' && !restoringHere()) window.location.reload();
      }),
    [],
  );

  useEffect(() => {
    // The signal end-to-end tests wait for: the first data has arrived and painted, for a console that knows its role.
    if (listLoaded && role !== null) document.documentElement.dataset.ready = 'true';
  }, [listLoaded, role]);

  if (!connection.hasToken) return <MissingToken />;
  if (recovery?.damaged) return <RecoveryScreen state={recovery} />;
  // The wall display is the whole screen: no menus, no controls, for a TV across the room.
  if (route.screen === 'wall' || route.screen === 'wall-incident') return <WallScreen route={route} />;

  return (
    <div className="app">
      <TopBar route={route} />
      <RestoredNotice />
      <DemoBanner />
      <IncidentsLayer />
      <ErrorBanner message={error} onDismiss={dismissLibraryError} />
      <main className="app-main">
        <Screen route={route} />
      </main>
      <ConfirmDialog />
      <KeyboardOverlays />
    </div>
  );
}

function Screen({ route }: { route: Route }) {
  const canWrite = useCanWrite();
  const closed = canWrite ? null : closedToViewers(route);
  if (closed) return <ReadOnlyScreen closed={closed} />;
  switch (route.screen) {
    case 'library':
      return <LibraryScreen selectedId={null} />;
    case 'runbook':
      return <LibraryScreen selectedId={route.id} section={route.section} />;
    case 'new-runbook':
      return <EditorScreen key="new" id={null} />;
    case 'edit-runbook':
      return <EditorScreen key={route.id} id={route.id} />;
    case 'history':
      return <HistoryScreen id={route.id} />;
    case 'oncall':
      return <NowBoard />;
    case 'schedule':
      return <ScheduleScreen name={route.name} />;
    case 'oncall-load':
      return <LoadScreen />;
    case 'incidents':
      return <IncidentsScreen />;
    case 'incident':
      return <IncidentScreen key={route.id} id={route.id} />;
    case 'postmortem':
      return <PostmortemScreen key={route.id} id={route.id} />;
    case 'wall':
    case 'wall-incident':
      return <WallScreen route={route} />;
    case 'incident-history':
      return <IncidentHistoryScreen tab={route.tab} />;
    case 'metrics':
      return <MetricsScreen />;
    case 'slos':
      return <SloListScreen />;
    case 'slo':
      return <SloScreen key={route.name} name={route.name} />;
    case 'backups':
      return <BackupsScreen />;
    case 'settings':
      return <SettingsScreen section={route.section} />;
    case 'drills':
    case 'new-drill-scenario':
    case 'edit-drill-scenario':
    case 'drill-trends':
    case 'drill-run':
      return <DrillScreen route={route} />;
    case 'changes':
      return <ChangesScreen />;
    case 'change':
      return <ChangeScreen key={route.id} id={route.id} />;
    case 'change-calendar':
      return <CalendarScreen />;
    case 'not-found':
      return (
        <div className="not-found">
          <h1>Nothing at {route.path}</h1>
          <a href="#/runbooks">Go to the runbook library</a>
        </div>
      );
  }
}

function TopBar({ route }: { route: Route }) {
  const theme = useTheme();
  const canWrite = useCanWrite();
  const onCall = route.screen === 'oncall' || route.screen === 'schedule' || route.screen === 'oncall-load';
  const incidents = route.screen === 'incidents' || route.screen === 'incident';
  const changes = route.screen === 'changes' || route.screen === 'change' || route.screen === 'change-calendar';
  const learning = route.screen === 'postmortem' || route.screen === 'incident-history' || route.screen === 'metrics';
  const slos = route.screen === 'slos' || route.screen === 'slo';
  return (
    <header className="top-bar">
      <a className="brand" href="#/runbooks">
        Holdfast
      </a>
      <ReadOnlyBadge />
      <nav aria-label="Main">
        <a
          href="#/runbooks"
          aria-current={onCall || incidents || changes || learning || slos || isDrillRoute(route) || route.screen === 'backups' || route.screen === 'settings' ? undefined : 'page'}
        >
          Runbooks
        </a>
        <a href="#/oncall" aria-current={onCall ? 'page' : undefined} aria-keyshortcuts="o" title="On call (o)">
          On call
        </a>
        <IncidentsNavLink />
        <DrillsNavLink />
        <a href="#/changes" aria-current={changes ? 'page' : undefined}>
          Changes
        </a>
        <a href="#/history" aria-current={route.screen === 'incident-history' || route.screen === 'postmortem' ? 'page' : undefined}>
          History
        </a>
        <a href="#/metrics" aria-current={route.screen === 'metrics' ? 'page' : undefined}>
          Metrics
        </a>
        <a href="#/slos" aria-current={slos ? 'page' : undefined}>
          SLOs
        </a>
        <a href="#/backups" aria-current={route.screen === 'backups' ? 'page' : undefined}>
          Backups
        </a>
        <a href="#/settings" aria-current={route.screen === 'settings' ? 'page' : undefined}>
          Settings
        </a>
      </nav>
      <span className="spacer" />
      <SyncIndicator canWrite={canWrite} />
      <ForResponders>
        <DeclareButton />
      </ForResponders>
      <ResponderButton />
      <button
        type="button"
        className="ghost top-bar-compact"
        onClick={openPalette}
        aria-keyshortcuts="Control+K Meta+K"
        aria-label="Commands"
        title="Commands, incidents and runbooks (Ctrl+K)"
      >
        <kbd aria-hidden="true">Ctrl+K</kbd>
      </button>
      <button
        type="button"
        className="ghost top-bar-compact"
        onClick={theme.cycle}
        aria-label={`Theme: ${THEME_LABELS[theme.choice]}`}
        title={`Theme: ${THEME_LABELS[theme.choice]} (click for the next one)`}
      >
        <ThemeIcon />
      </button>
      <button type="button" className="ghost" onClick={openHelp} aria-keyshortcuts="?" title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
        ?
      </button>
    </header>
  );
}

function MissingToken() {
  return (
    <main className="missing-token">
      <h1>Holdfast</h1>
      <p>This page needs the full link that <code>holdfast web</code> printed in its terminal (it ends in <code>#token=…</code>).</p>
      <p>The token changes each time the server starts, so copy the newest link.</p>
    </main>
  );
}
