import { useEffect, useRef } from 'react';
import { SEARCH_INPUT_ID } from '../features/runbooks/SearchBox';
import { canWrite } from '../features/session/queries';
import { KEYS, type Shortcut } from './keymap';

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** A modal dialog owns the keyboard while it is open. */
const dialogOpen = (): boolean => document.querySelector('dialog[open]') !== null;

/** Shortcuts that work anywhere in the console. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (dialogOpen()) return;
      const slash = event.key === KEYS.search.key && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
      if (slash) {
        const input = document.getElementById(SEARCH_INPUT_ID);
        if (input instanceof HTMLInputElement) {
          event.preventDefault();
          input.focus();
          input.select();
        } else {
          event.preventDefault();
          window.location.hash = '#/runbooks';
          requestAnimationFrame(() => document.getElementById(SEARCH_INPUT_ID)?.focus());
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/**
 * A single-key shortcut (such as `e` or `n`) while the component using it is shown.
 * It does nothing while the user types in a field, holds a modifier or has a dialog open,
 * nor, if it changes data, on a viewer's console.
 */
export function useKeyShortcut(shortcut: Shortcut, action: () => void, enabled = true): void {
  const { key, writes = false } = shortcut;
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== key || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (event.defaultPrevented || isTyping(event.target) || dialogOpen() || (writes && !canWrite())) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [key, writes, enabled]);
}

/** Ctrl+S / Cmd+S while the component using it is shown; the browser's own "save page" never opens (nor does a viewer's console save). */
export function useSaveShortcut(action: () => void): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 's') return;
      event.preventDefault();
      if (!dialogOpen() && canWrite()) latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/**
 * Ctrl+key / Cmd+key from anywhere while the component using it is shown, even
 * while typing in a field (such as Ctrl+I to declare an incident); not while a dialog is open,
 * nor, if it changes data, on a viewer's console.
 */
export function useCommandShortcut(shortcut: Shortcut, action: () => void): void {
  const { key, writes = false } = shortcut;
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== key) return;
      if (dialogOpen() || (writes && !canWrite())) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [key, writes]);
}
