import { useId, useState } from 'react';
import { concurrentSentence } from '../../../../shared/concurrent';
import type { ConcurrentChange, Incident, IncidentStatus } from '../../../../shared/incidents';
import { formatStamp, systemZone } from '../../../../shared/zoned-time';
import { ariaShortcut, KEYS, shortcutLabel } from '../../../app/keymap';
import { useKeyShortcut } from '../../../app/shortcuts';
import { useCanWrite } from '../../session/queries';
import { STATUS_LABELS } from '../format';
import { logEvent } from '../mutations';

const KEEP_KEYS = [KEYS.keepFirstChange, KEYS.keepSecondChange] as const;

const label = (field: ConcurrentChange['field'], value: string): string => (field === 'status' ? (STATUS_LABELS[value as IncidentStatus] ?? value) : value);

/**
 * A status or severity changed on two machines at once (docs/sync.md), flagged
 * for the commander: every machine's change, who made it and when, and a
 * click (or 1, 2 for the first dispute) to keep one. Keeping one records a
 * change after all of them, which settles it on every machine it syncs to.
 */
export function ConcurrentFlag({ incident, onError }: { incident: Incident; onError: (message: string) => void }) {
  const id = useId();
  const canWrite = useCanWrite();
  const [busy, setBusy] = useState(false);
  const first = incident.concurrent[0];

  const keep = async (field: ConcurrentChange['field'], uid: string | undefined) => {
    if (busy || uid === undefined) return;
    setBusy(true);
    const outcome = await logEvent('settleConcurrentChange', { id: incident.id, field, uid });
    setBusy(false);
    if (!outcome.ok) onError(outcome.message);
  };
  useKeyShortcut(KEEP_KEYS[0], () => first && void keep(first.field, first.changes[0]?.uid), first !== undefined);
  useKeyShortcut(KEEP_KEYS[1], () => first && void keep(first.field, first.changes[1]?.uid), first !== undefined);

  if (!first) return null;
  return (
    <section className="concurrent-flag" aria-labelledby={`${id}-title`} data-testid="concurrent-flag">
      <h2 id={`${id}-title`} className="concurrent-title">
        Changed on two machines at once
      </h2>
      {incident.concurrent.map((change) => (
        <div key={change.field} className="concurrent-change" data-field={change.field}>
          <p className="concurrent-sentence" role="alert">
            {concurrentSentence(change, (at) => formatStamp(at, systemZone()), (value) => label(change.field, value))}
            {canWrite ? ' — choose one.' : ' — the commander chooses one.'}
          </p>
          {canWrite && (
            <div className="concurrent-choices">
              {change.changes.map((head, index) => {
                const shortcut = change === first ? KEEP_KEYS[index] : undefined;
                return (
                  <button
                    key={head.uid}
                    type="button"
                    disabled={busy}
                    onClick={() => void keep(change.field, head.uid)}
                    aria-keyshortcuts={shortcut ? ariaShortcut(shortcut) : undefined}
                  >
                    Keep {label(change.field, head.value)} <span className="concurrent-by">({head.actor})</span>
                    {shortcut && <kbd>{shortcutLabel(shortcut)}</kbd>}
                  </button>
                );
              })}
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
