import { useEffect, useRef } from 'react';
import { KEYS } from '../../../app/keymap';
import { canWrite } from '../../session/queries';

/** Where Space already means something: typing, or pressing the focused control. */
const ownsSpace = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, button, a, summary, [role="button"], [role="radio"]') !== null);

/**
 * Space for the screen's main toggle (the drill's pause and resume), unless a
 * field or a focused button owns it, a modifier is held or a dialog is open.
 */
export function useSpaceBar(action: () => void): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== KEYS.pauseDrill.key || event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.defaultPrevented) return;
      if (ownsSpace(event.target) || document.querySelector('dialog[open]') !== null || !canWrite()) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
