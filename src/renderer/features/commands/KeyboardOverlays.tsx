import { useEffect } from 'react';
import './commands.css';
import { KEYS } from '../../app/keymap';
import { onMenuCommand } from '../../api/client';
import { useCommandShortcut, useKeyShortcut } from '../../app/shortcuts';
import { CommandPalette } from './CommandPalette';
import { runCommand } from './commands';
import { ShortcutsHelp } from './ShortcutsHelp';
import { openHelp, openPalette, useOverlays } from './store';

/** The command palette and the shortcuts help, their keys, and the desktop menu's commands. */
export function KeyboardOverlays() {
  const open = useOverlays((state) => state.open);
  useCommandShortcut(KEYS.palette, openPalette);
  useKeyShortcut(KEYS.help, openHelp);
  useEffect(() => onMenuCommand(runCommand), []);
  if (open === 'palette') return <CommandPalette />;
  if (open === 'help') return <ShortcutsHelp />;
  return null;
}
