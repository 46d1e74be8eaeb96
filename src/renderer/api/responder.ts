import { useSyncExternalStore } from 'react';
import { encodeResponder, ResponderIdentity } from '../../shared/sync';

/**
 * Who is at this console: the responder name (and roster handle, when they
 * picked themselves from the roster) every write of this console is logged
 * under. Asked once and kept in this browser's localStorage (in the desktop app,
 * Electron keeps it in the OS user's profile), so each browser, and each OS
 * user's desktop app, has its own. It travels with every call (the transport's
 * `responder`); the core checks it and writes under it. Null: not asked yet.
 */
const KEY = 'holdfast.responder';

const listeners = new Set<() => void>();
let current: ResponderIdentity | null = read();

function read(): ResponderIdentity | null {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored === null) return null;
    // What cannot be an identity (edited by hand, an older shape) is asked for again rather than sent.
    const parsed = ResponderIdentity.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const currentResponder = (): ResponderIdentity | null => current;

/** What the transport sends with a call: the identity encoded for a header, or nothing when not asked yet. */
export const responderForCall = (): string | undefined => (current ? encodeResponder(current) : undefined);

/** Keeps the responder this console is by, for every later call and every later start of this browser. */
export function chooseResponder(identity: ResponderIdentity): ResponderIdentity {
  const checked = ResponderIdentity.parse(identity);
  current = checked;
  try {
    localStorage.setItem(KEY, JSON.stringify(checked));
  } catch {
    // Storage full or off: the name still holds for this page.
  }
  for (const listener of [...listeners]) listener();
  return checked;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of this browser chose a name: this one writes under it too.
  const fromOtherTab = (event: StorageEvent) => {
    if (event.key !== KEY) return;
    current = read();
    listener();
  };
  window.addEventListener('storage', fromOtherTab);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', fromOtherTab);
  };
}

/** The responder this console is by, kept current as it is chosen (here or in another tab). */
export const useResponder = (): ResponderIdentity | null => useSyncExternalStore(subscribe, currentResponder);
