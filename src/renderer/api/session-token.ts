const KEY = 'holdfast.token';

/**
 * Web mode's token arrives in the URL fragment (`#token=…`), which browsers
 * never send to a server. Keep it for this tab and take it out of the address bar.
 */
export function takeSessionToken(): string | null {
  const match = /^#token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(KEY, match[1]);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }
  return sessionStorage.getItem(KEY);
}
