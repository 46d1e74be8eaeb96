const KEY = 'holdfast.token';

/**
 * A link's fragment as `holdfast web` prints it: `#token=…`, optionally followed
 * by `&to=/wall` (the screen to open, so a wall display opens straight on it).
 * The screen is kept only when it is a console address (`/…`).
 */
export function readTokenFragment(hash: string): { token: string; to: string } | null {
  const match = /^#token=([A-Za-z0-9_-]+)(.*)$/.exec(hash);
  if (!match?.[1]) return null;
  const to = /^&to=(\/[^#&\s]*)$/.exec(match[2] ?? '')?.[1];
  return { token: match[1], to: to ?? '/' };
}

/**
 * Web mode's token arrives in the URL fragment (`#token=…`), which browsers
 * never send to a server. Keep it for this tab and take it out of the address bar,
 * leaving the screen the link names (`&to=/wall`), else the library.
 */
export function takeSessionToken(): string | null {
  const link = readTokenFragment(window.location.hash);
  if (link) {
    sessionStorage.setItem(KEY, link.token);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${link.to}`);
  }
  return sessionStorage.getItem(KEY);
}
