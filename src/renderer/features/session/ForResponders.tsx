import type { ReactNode } from 'react';
import { useCanWrite } from './queries';

/** What only a responder's console shows: the controls that change data. A viewer's console leaves them out. */
export function ForResponders({ children }: { children: ReactNode }) {
  return useCanWrite() ? <>{children}</> : null;
}
