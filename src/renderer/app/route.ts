import { useSyncExternalStore } from 'react';

/** The console's screens, addressed by the URL fragment so Back works and links can be shared on one machine. */
export type Route =
  | { screen: 'library' }
  /** `section` is a heading's anchor (`RunbookSection.id`) to scroll to. */
  | { screen: 'runbook'; id: number; section?: string | undefined }
  | { screen: 'new-runbook' }
  | { screen: 'edit-runbook'; id: number }
  | { screen: 'history'; id: number }
  | { screen: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const full = hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = full.split('?', 2);
  if (path === '/' || path === '/runbooks') return { screen: 'library' };
  if (path === '/runbooks/new') return { screen: 'new-runbook' };
  const match = /^\/runbooks\/(\d+)(?:\/(edit|history))?$/.exec(path);
  if (match?.[1]) {
    const id = Number(match[1]);
    if (match[2] === 'edit') return { screen: 'edit-runbook', id };
    if (match[2] === 'history') return { screen: 'history', id };
    const section = new URLSearchParams(query).get('section');
    return section ? { screen: 'runbook', id, section } : { screen: 'runbook', id };
  }
  return { screen: 'not-found', path: full };
}

export const routeHref = (route: Route): string => {
  switch (route.screen) {
    case 'library':
      return '#/runbooks';
    case 'runbook':
      return route.section
        ? `#/runbooks/${route.id}?${new URLSearchParams({ section: route.section }).toString()}`
        : `#/runbooks/${route.id}`;
    case 'new-runbook':
      return '#/runbooks/new';
    case 'edit-runbook':
      return `#/runbooks/${route.id}/edit`;
    case 'history':
      return `#/runbooks/${route.id}/history`;
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

/** The current route; components re-render when the fragment changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
