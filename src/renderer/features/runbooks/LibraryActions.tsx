import { KEYS } from '../../app/keymap';
import { routeHref } from '../../app/route';
import { ShortcutLink } from '../../components/ShortcutLink';
import { ImportDialog } from './import/ImportDialog';
import { useCanWrite } from '../session/queries';
import { DialogButton } from '../../components/DialogButton';

/** Making runbooks: write a new one, or import a folder of Markdown. */
export function LibraryActions() {
  if (!useCanWrite()) return null;
  return (
    <div className="library-actions">
      <ShortcutLink href={routeHref({ screen: 'new-runbook' })} shortcut={KEYS.newRunbook}>
        New runbook
      </ShortcutLink>
      <DialogButton dialog={(close) => <ImportDialog onClose={close} />}>
        Import folder…
      </DialogButton>
    </div>
  );
}
