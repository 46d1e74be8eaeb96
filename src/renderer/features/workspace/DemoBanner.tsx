import { ForResponders } from '../session/ForResponders';
import { useWorkspace } from './store';

/** Says plainly when the library holds sample data, and lets the user drop it (or bring it back). */
export function DemoBanner() {
  const info = useWorkspace((state) => state.info);
  const loadDemo = useWorkspace((state) => state.loadDemo);
  const clearDemo = useWorkspace((state) => state.clearDemo);
  if (!info) return null;
  if (info.hasDemo) {
    return (
      <div className="banner banner-demo" role="status">
        <span>
          <strong>Demo workspace.</strong> These sample runbooks were written for Holdfast to show how it works.
        </span>
        <ForResponders>
          <button type="button" onClick={() => void clearDemo()}>
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
        <ForResponders>
          <button type="button" onClick={() => void loadDemo()}>
            Load the demo workspace
          </button>
        </ForResponders>
      </div>
    );
  }
  return null;
}
