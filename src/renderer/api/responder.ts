import { useSyncExternalStore } from 'react';
import { encodeResponder, ResponderIdentity } from '../../shared/sync';

/**
 * Who is at this console: the responder name (and roster handle, when they
 * picked themselves from the roster) every write of this console is logged
 * under. Asked once and kept in this browser (in the desktop app, Electron keeps
 * it in the OS user's profile), so each browser, and each OS user's desktop app,
 * has its own. It travels with every call (the transport's `responder`); the
 * core checks it and writes under it. Null: not asked yet.
 *
 * Kept twice: in a cookie, because `holdfast web` starts on a new port each time
 * and cookies are kept per host, not per port (localStorage is per host and
 * port, so a restarted server would ask again); and in localStorage, for where
 * pages have no cookies (the desktop app's own scheme) and for names chosen
 * before the cookie. The server never reads the cookie: the name goes in the
 * responder header, and a viewer's console sends none.
 */
const KEY = 'holdfast.responder';
const COOKIE = 'holdfast_responder';
/** Ten years: a name is chosen once. */
const COOKIE_MAX_AGE_SECONDS = 10 * 365 * 24 * 60 * 60;

const listeners = new Set<() => void>();
let current: ResponderIdentity | null = read();

/** What cannot be an identity (edited by hand, an older shape) is asked for again rather than sent. */
function parse(stored: string | null): ResponderIdentity | null {
  if (stored === null) return null;
  try {
    const parsed = ResponderIdentity.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function fromCookie(): string | null {
  try {
    const entry = document.cookie
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith(`${COOKIE}=`));
    return entry === undefined ? null : decodeURIComponent(entry.slice(COOKIE.length + 1));
  } catch {
    return null;
  }
}

function fromStorage(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function read(): ResponderIdentity | null {
  const cookie = parse(fromCookie());
  if (cookie) return cookie;
  const stored = parse(fromStorage());
  // A name chosen before the cookie: kept in it too, so the next port finds it.
  if (stored) keep(stored);
  return stored;
}

/** Writes the name where the next start of this browser finds it, on any port of this host. */
function keep(identity: ResponderIdentity): void {
  const text = JSON.stringify(identity);
  try {
    document.cookie = `${COOKIE}=${encodeURIComponent(text)}; Max-Age=${COOKIE_MAX_AGE_SECONDS}; Path=/; SameSite=Strict`;
  } catch {
    // No cookies here (the desktop app's scheme): localStorage keeps it.
  }
  try {
    localStorage.setItem(KEY, text);
  } catch {
    // Storage full or off: the name still holds for this page.
  }
}

export const currentResponder = (): ResponderIdentity | null => current;

/** What the transport sends with a call: the identity encoded for a header, or nothing when not asked yet. */
export const responderForCall = (): string | undefined => (current ? encodeResponder(current) : undefined);

/** Keeps the responder this console is by, for every later call and every later start of this browser. */
export function chooseResponder(identity: ResponderIdentity): ResponderIdentity {
  const checked = ResponderIdentity.parse(identity);
  current = checked;
  keep(checked);
  for (const listener of [...listeners]) listener();
  return checked;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of this browser chose a name: this one writes under it too.
  const fromOtherTab = (event: StorageEvent) => {
    if (event.key !== KEY) return;
    current = parse(event.newValue) ?? read();
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
