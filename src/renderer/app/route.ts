import { useSyncExternalStore } from 'react';

/** The console's screens, addressed by the URL fragment so Back works and links can be shared on one machine. */
export type Route = { screen: 'library' } | { screen: 'runbook'; id: number } | { screen: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '/runbooks') return { screen: 'library' };
  const runbook = /^\/runbooks\/(\d+)$/.exec(path);
  if (runbook?.[1]) return { screen: 'runbook', id: Number(runbook[1]) };
  return { screen: 'not-found', path };
}

export const routeHref = (route: Route): string => {
  switch (route.screen) {
    case 'library':
      return '#/runbooks';
    case 'runbook':
      return `#/runbooks/${route.id}`;
    case 'not-found':
      return `#${route.path}`;
  }
};

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
