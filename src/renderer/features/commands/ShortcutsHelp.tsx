import { KEYS, SHORTCUT_AREAS, shortcutLabel, shortcutsFor, type Shortcut } from '../../app/keymap';
import { Dialog } from '../../components/Dialog';
import { useCanWrite } from '../session/queries';
import { closeOverlay } from './store';

const ALL: readonly Shortcut[] = Object.values(KEYS);

/**
 * `?`: every shortcut, grouped by where it works. The same table drives the keys
 * themselves; a viewer's console lists only those that do not change data.
 */
export function ShortcutsHelp() {
  const shown = shortcutsFor(ALL, useCanWrite());
  return (
    <Dialog
      title="Keyboard shortcuts"
      className="shortcuts-help"
      onClose={closeOverlay}
      actions={
        <button type="button" data-autofocus onClick={closeOverlay}>
          Close
        </button>
      }
    >
      <p className="muted">Single keys work when you are not typing in a field. Esc leaves a field or closes a dialog.</p>
      <div className="shortcuts-grid">
        {SHORTCUT_AREAS.map((area) => {
          const shortcuts = shown.filter((shortcut) => shortcut.where === area);
          if (shortcuts.length === 0) return null;
          return (
            <section key={area} aria-label={area}>
              <h3>{area}</h3>
              <dl>
                {shortcuts.map((shortcut) => (
                  <div key={`${shortcut.key}:${shortcut.does}`} className="shortcut-row">
                    <dt>
                      <kbd>{shortcutLabel(shortcut)}</kbd>
                    </dt>
                    <dd>{shortcut.does}</dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
      </div>
    </Dialog>
  );
}
