import { useState } from 'react';
import type { OutputOf } from '../../../shared/contract';
import { recordGate, type Outcome } from './mutations';

type ChangeView = OutputOf<'getChange'>;

/** Records the gate due now: the first tier's pre-check while scheduled, the running tier's checks while in progress. */
export function GateForm({ change, onDone }: { change: ChangeView; onDone: (result: Outcome<unknown>) => void }) {
  const [evidence, setEvidence] = useState('');
  const tiers = change.progress.tiers;
  const tier = change.state === 'scheduled' ? tiers[0] : change.state === 'in-progress' ? tiers[change.progress.current] : undefined;
  if (!tier) return null;
  const phase = change.state === 'scheduled' ? 'Pre-check' : 'Gate';
  const record = async (result: 'pass' | 'fail') => {
    const outcome = await recordGate({ id: change.id, tier: tier.name, result, evidence });
    if (outcome.ok) setEvidence('');
    onDone(outcome);
  };
  return (
    <form className="gate-form" aria-label={`${phase} of ${tier.name}`} onSubmit={(event) => event.preventDefault()}>
      <label>
        {phase} of {tier.name}: {tier.checks.join('; ') || 'no checks'} — evidence
        <textarea value={evidence} onChange={(event) => setEvidence(event.target.value)} rows={2} placeholder="What the checks showed: numbers, a graph link" />
      </label>
      <button type="button" className="primary" onClick={() => void record('pass')}>
        Checks passed
      </button>
      <button type="button" className="danger" onClick={() => void record('fail')}>
        A check failed
      </button>
    </form>
  );
}
