import { useState } from 'react';
import { KEYS } from '../../app/keymap';
import { routeHref } from '../../app/route';
import { ShortcutLink } from '../../components/ShortcutLink';
import { ImportDialog } from './import/ImportDialog';
import { useCanWrite } from '../session/queries';

/** Making runbooks: write a new one, or import a folder of Markdown. */
export function LibraryActions() {
  const [importing, setImporting] = useState(false);
  if (!useCanWrite()) return null;
  return (
    <div className="library-actions">
      <ShortcutLink href={routeHref({ screen: 'new-runbook' })} shortcut={KEYS.newRunbook}>
        New runbook
      </ShortcutLink>
      <button type="button" onClick={() => setImporting(true)}>
        Import folder…
      </button>
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </div>
  );
}
