import { useId } from 'react';
import type { EscalationStep, Roster, TeamBoard } from '../../../../shared/rosters';
import { ContactList } from '../ContactList';
import { WarningIcon } from '../../../components/icons';

type Escalation = NonNullable<TeamBoard['escalation']>;

/** Whom to page, level by level, with how long to wait before the next; each person's contacts in order. */
export function EscalationChain(props: { escalation: Escalation; team: string; roster: Roster }) {
  const { escalation, roster } = props;
  const policy = roster.escalationPolicies.find((p) => p.team === props.team && p.name === escalation.policy);
  const headingId = useId();
  const count = escalation.steps.length;
  return (
    <section className="oc-escalation" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Escalation <span className="muted">· {escalation.policy}</span>
      </h3>
      <ol className="oc-escalation-levels">
        {escalation.steps.map((step, index) => (
          <li key={step.level} className="oc-escalation-level">
            <div className="oc-level-head">
              <span className="number-disc oc-level-number">
                <span className="visually-hidden">Level </span>
                {step.level}
              </span>
              <span className="oc-level-wait">
                {index + 1 < count
                  ? `wait ${step.waitMinutes} min, then level ${step.level + 1}`
                  : escalation.repeat > 0
                    ? `wait ${step.waitMinutes} min, then start again`
                    : 'last level'}
              </span>
            </div>
            <LevelPeople step={step} unresolved={unresolvedTargets(policy?.levels[index]?.targets ?? [], step)} roster={roster} />
          </li>
        ))}
      </ol>
      <p className="oc-escalation-repeat muted">
        {escalation.repeat > 0
          ? `After the last level the chain starts again, ${escalation.repeat} more ${escalation.repeat === 1 ? 'time' : 'times'}.`
          : 'The chain does not repeat.'}
      </p>
    </section>
  );
}

function LevelPeople({ step, unresolved, roster }: { step: EscalationStep; unresolved: string[]; roster: Roster }) {
  // A schedule whose stored values cannot be worked out has no known person, which is not a gap.
  const unknown = new Set(roster.schedules.filter((schedule) => schedule.problem !== undefined).map((schedule) => schedule.name));
  return (
    <ul className="oc-level-people">
      {step.people.map((person) => (
        <li key={`${person.handle}-${person.via}`} className="oc-level-person">
          <p className="oc-level-person-name">
            <strong>{person.name}</strong> <span className="muted">{person.via === 'directly' ? '(named directly)' : `(on call for ${person.via})`}</span>
          </p>
          <ContactList contacts={person.contacts} person={person.name} />
        </li>
      ))}
      {unresolved.map((schedule) => (
        <li key={schedule} className="oc-level-nobody">
          <WarningIcon />{' '}
          {unknown.has(schedule) ? `Unknown: who is on call for ${schedule} cannot be worked out (its roster needs fixing).` : `Nobody: ${schedule} has a gap then.`}
        </li>
      ))}
      {step.people.length === 0 && unresolved.length === 0 && <li className="oc-level-nobody">Nobody to page at this level.</li>}
    </ul>
  );
}

/** Schedules this level targets that resolved to nobody (a gap), so the card says so instead of going quiet. */
function unresolvedTargets(targets: ({ schedule: string } | { person: string })[], step: EscalationStep): string[] {
  const reached = new Set(step.people.map((person) => person.via));
  return targets.flatMap((target) => ('schedule' in target && !reached.has(target.schedule) ? [target.schedule] : []));
}
