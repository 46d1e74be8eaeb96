import { useState } from 'react';
import { ForResponders } from '../session/ForResponders';
import { clearDemoWorkspace, loadDemoWorkspace } from './mutations';
import { useWorkspaceInfo } from './queries';

/** Says plainly when the library holds sample data, and lets the user drop it (or bring it back). */
export function DemoBanner() {
  const info = useWorkspaceInfo().data;
  const [error, setError] = useState<string | null>(null);
  const run = (write: typeof loadDemoWorkspace) =>
    void write().then((result) => setError(result.ok ? null : result.error.message));
  if (!info) return null;
  const problem = error && (
    <span className="field-error" role="alert">
      {error}
    </span>
  );
  if (info.hasDemo) {
    return (
      <div className="banner banner-demo" role="status">
        <span>
          <strong>Demo workspace.</strong> These sample runbooks were written for Holdfast to show how it works.
        </span>
        {problem}
        <ForResponders>
          <button type="button" onClick={() => run(clearDemoWorkspace)}>
            Remove sample data and start empty
          </button>
        </ForResponders>
      </div>
    );
  }
  if (info.runbookCount === 0) {
    return (
      <div className="banner" role="status">
        <span>The library is empty.</span>
        {problem}
        <ForResponders>
          <button type="button" onClick={() => run(loadDemoWorkspace)}>
            Load the demo workspace
          </button>
        </ForResponders>
      </div>
    );
  }
  return null;
}
