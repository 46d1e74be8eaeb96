import { useEffect } from 'react';
import { connection, onChange } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { forgetImages } from '../features/runbooks/assets';
import { EditorScreen } from '../features/runbooks/editor/EditorScreen';
import { HistoryScreen } from '../features/runbooks/history/HistoryScreen';
import { useHistory } from '../features/runbooks/history/store';
import { LibraryScreen } from '../features/runbooks/LibraryScreen';
import { useRunbooks } from '../features/runbooks/store';
import { DemoBanner } from '../features/workspace/DemoBanner';
import { useWorkspace } from '../features/workspace/store';
import { useRoute, type Route } from './route';
import { useGlobalShortcuts } from './shortcuts';
import { useTheme } from './theme';

export function App() {
  const route = useRoute();
  const listLoaded = useRunbooks((state) => state.list !== null);
  const runbooksError = useRunbooks((state) => state.error);
  const workspaceError = useWorkspace((state) => state.error);
  const error = runbooksError ?? workspaceError;
  useGlobalShortcuts();

  useEffect(() => {
    const refresh = () => {
      void useWorkspace.getState().load();
      void useRunbooks.getState().loadList();
    };
    refresh();
    return onChange((event) => {
      if (event.type === 'runbooks.changed' || event.type === 'workspace.changed') {
        refresh();
        forgetImages();
        void useRunbooks.getState().reloadOpen();
        const history = useHistory.getState();
        if (history.runbookId !== null && window.location.hash.endsWith('/history')) void history.load(history.runbookId);
      }
    });
  }, []);

  useEffect(() => {
    // The signal end-to-end tests wait for: the first data has arrived and painted.
    if (listLoaded) document.documentElement.dataset.ready = 'true';
  }, [listLoaded]);

  if (!connection.hasToken) return <MissingToken />;

  return (
    <div className="app">
      <TopBar />
      <DemoBanner />
      {error && <ErrorBanner message={error} />}
      <main className="app-main">
        <Screen route={route} />
      </main>
      <ConfirmDialog />
    </div>
  );
}

function Screen({ route }: { route: Route }) {
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
    case 'not-found':
      return (
        <div className="not-found">
          <h1>Nothing at {route.path}</h1>
          <a href="#/runbooks">Go to the runbook library</a>
        </div>
      );
  }
}

function TopBar() {
  const theme = useTheme();
  return (
    <header className="top-bar">
      <a className="brand" href="#/runbooks">
        Holdfast
      </a>
      <nav aria-label="Main">
        <a href="#/runbooks" aria-current="page">
          Runbooks
        </a>
      </nav>
      <span className="spacer" />
      <button type="button" className="ghost" onClick={theme.cycle} title="Switch theme">
        Theme: {theme.choice}
      </button>
    </header>
  );
}

function ErrorBanner({ message }: { message: string }) {
  return (
    <div className="banner banner-error" role="alert">
      <span>{message}</span>
      <button
        type="button"
        onClick={() => {
          useRunbooks.getState().dismissError();
          useWorkspace.setState({ error: null });
        }}
      >
        Dismiss
      </button>
    </div>
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
