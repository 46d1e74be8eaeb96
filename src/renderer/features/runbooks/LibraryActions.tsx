import { useState } from 'react';
import { routeHref } from '../../app/route';
import { ImportDialog } from './import/ImportDialog';
import { useCanWrite } from '../session/queries';

/** Making runbooks: write a new one, or import a folder of Markdown. */
export function LibraryActions() {
  const [importing, setImporting] = useState(false);
  if (!useCanWrite()) return null;
  return (
    <div className="library-actions">
      <a className="button primary" href={routeHref({ screen: 'new-runbook' })} aria-keyshortcuts="n">
        New runbook <kbd aria-hidden="true">n</kbd>
      </a>
      <button type="button" onClick={() => setImporting(true)}>
        Import folder…
      </button>
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </div>
  );
}
