import type { ReactNode } from 'react';
import { ariaShortcut, shortcutLabel, type Shortcut } from '../app/keymap';

/** A screen's main link as a primary button, showing the key that follows it too ("New runbook n"). */
export function ShortcutLink(props: { href: string; shortcut: Shortcut; children: ReactNode }) {
  return (
    <a className="button primary" href={props.href} aria-keyshortcuts={ariaShortcut(props.shortcut)}>
      {props.children} <kbd aria-hidden="true">{shortcutLabel(props.shortcut)}</kbd>
    </a>
  );
}
