import type { ReactNode } from 'react';

/** What stands above a list of the history: why the last read failed (announced), then how many it shows (`children`). */
export function ListStatus({ error, children }: { error: string | null | undefined; children: ReactNode }) {
  return (
    <>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p className="list-status" role="status">
        {children}
      </p>
    </>
  );
}
