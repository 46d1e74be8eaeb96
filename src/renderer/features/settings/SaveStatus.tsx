/** What the last save said: a quiet confirmation, or an alert with what to fix. */
export type Saved = { ok: boolean; message: string } | null;

export function SaveStatus({ saved }: { saved: Saved }) {
  if (saved && !saved.ok) {
    return (
      <p className="field-error" role="alert">
        {saved.message}
      </p>
    );
  }
  return (
    <p className="settings-saved" role="status">
      {saved?.message ?? ''}
    </p>
  );
}
