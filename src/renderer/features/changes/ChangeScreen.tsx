import { useState } from 'react';
import type { WalkVerb } from '../../../shared/changes';
import type { OutputOf } from '../../../shared/contract';
import { routeHref } from '../../app/route';
import { ErrorBanner } from '../../components/ErrorBanner';
import { LocalTime, TextWithTimes } from '../../components/LocalTime';
import { ForResponders } from '../session/ForResponders';
import { ChangeLog } from './ChangeLog';
import { GateForm } from './GateForm';
import { OverrideForm } from './OverrideForm';
import { RollbackWalk } from './RollbackWalk';
import { RULE_LABELS, STATE_LABELS, VerdictChip } from './format';
import { walkChange, type Outcome } from './mutations';
import { useChange } from './queries';
import './changes.css';

type ChangeView = OutputOf<'getChange'>;

const ACTION_LABELS: Record<string, string> = {
  schedule: 'Schedule',
  start: 'Start first tier',
  promote: 'Promote to next tier',
  complete: 'Complete',
  rollback: 'Roll back',
  cancel: 'Cancel change',
};

/** One change: its five verdicts, walked tier by tier with gates, overrides, the rollback, and its log. */
export function ChangeScreen({ id }: { id: number }) {
  const query = useChange(id);
  const change = query.data;
  const [error, setError] = useState<string | null>(null);
  const report = (result: Outcome<unknown>) => setError(result.ok ? null : result.message);

  if (!change) {
    return (
      <div className="changes-screen">
        {query.error ? <h1>Change {id} could not be opened</h1> : <p className="muted">Loading change {id}…</p>}
        {query.error && <p>{query.error.message}</p>}
        <a href={routeHref({ screen: 'changes' })}>All changes</a>
      </div>
    );
  }
  const failedGate = change.progress.tiers.some((tier) => tier.post?.result === 'fail' || tier.pre?.result === 'fail');

  return (
    <div className="changes-screen change-screen" data-state={change.state}>
      <header className="changes-head">
        <a href={routeHref({ screen: 'changes' })}>Changes</a>
        <h1>
          #{change.id} {change.title}
        </h1>
        <VerdictChip verdict={change.check.verdict} label="Verdict" />
      </header>
      <p className="change-facts">
        <span className="state-chip">{STATE_LABELS[change.state]}</span> {change.type}, {change.risk} risk · {change.services.join(', ')} · <LocalTime iso={change.window.start} /> to{' '}
        <LocalTime iso={change.window.end} /> · owner {change.owner}
        {change.approver ? `, approver ${change.approver}` : ''}
      </p>
      <p className="change-facts">
        Plan: <RunbookLink pinned={change.plan} /> · Rollback: <RunbookLink pinned={change.rollback} />
      </p>
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      <section className="panel" aria-label="Rules of engagement">
        <h2 className="panel-title">Rules of engagement</h2>
        <ul className="rule-list">
          {change.check.rules.map((rule) => (
            <li key={rule.rule} data-rule={rule.rule}>
              <VerdictChip verdict={rule.verdict} label={RULE_LABELS[rule.rule]} />
              <span>
                <TextWithTimes text={rule.reason} />
              </span>
            </li>
          ))}
        </ul>
        <ForResponders>
          <OverrideForm change={change} onDone={report} />
        </ForResponders>
      </section>
      <section className="panel" aria-label="Walk">
        <h2 className="panel-title">Walk</h2>
        <Tiers change={change} />
        <ForResponders>
          <GateForm change={change} onDone={report} />
          <div className="walk-actions">
            {change.allowed.map((action) => (
              <button key={action} type="button" className={action === 'rollback' || action === 'cancel' ? 'danger' : 'primary'} onClick={() => void walkChange(change.id, action as WalkVerb).then(report)}>
                {ACTION_LABELS[action]}
              </button>
            ))}
          </div>
          {(failedGate || change.state === 'rolled-back') && <RollbackWalk change={change} onDone={report} />}
        </ForResponders>
      </section>
      <ChangeLog change={change} />
    </div>
  );
}

function RunbookLink({ pinned }: { pinned: ChangeView['plan'] }) {
  if (!pinned) return <span className="muted">none</span>;
  const title = pinned.runbook?.title ?? `runbook #${pinned.runbookId}`;
  return (
    <a href={routeHref({ screen: 'runbook', id: pinned.runbookId })}>
      {title} (revision {pinned.revision})
    </a>
  );
}

function tierStatus(tier: ChangeView['progress']['tiers'][number], index: number, current: number): string {
  if (tier.skipped) return 'skipped';
  if (tier.post?.result === 'fail') return 'gate failed';
  if (tier.post?.result === 'pass') return 'gate passed';
  if (index === current) return 'running';
  return tier.startedAt ? 'ran' : 'waiting';
}

function Tiers({ change }: { change: ChangeView }) {
  const { tiers, current } = change.progress;
  if (tiers.length === 0) return <p className="muted">This change has no tiers: plan at least one.</p>;
  return (
    <ol className="tier-list" aria-label="Tiers">
      {tiers.map((tier, index) => (
        <li key={tier.name} data-tier={tier.name} data-status={tierStatus(tier, index, current)} aria-current={index === current ? 'step' : undefined}>
          <strong>
            {tier.name} · {tier.percent} %
          </strong>
          <span className="muted">
            {tier.soakMinutes > 0 ? `soak ${tier.soakMinutes} min` : 'no soak'} · {tierStatus(tier, index, current)}
            {tier.soakUntil && tier.soakMinutes > 0 && index === current ? (
              <>
                {' '}
                until <LocalTime iso={tier.soakUntil} />
              </>
            ) : null}
          </span>
          <span className="tier-checks">Gate: {tier.checks.join('; ') || 'no checks'}</span>
          {tier.pre && (
            <span className={`gate-result gate-${tier.pre.result}`}>
              Pre-check {tier.pre.result} by {tier.pre.actor}: {tier.pre.evidence}
            </span>
          )}
          {tier.post && (
            <span className={`gate-result gate-${tier.post.result}`}>
              Gate {tier.post.result} by {tier.post.actor}: {tier.post.evidence}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
