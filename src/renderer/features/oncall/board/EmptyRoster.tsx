import { CopyButton } from '../../../components/CopyButton';
import { ForResponders } from '../../session/ForResponders';

const COMMAND = 'holdfast roster import roster.yaml';

/** No teams yet: how to load a roster, from the terminal or from here. */
export function EmptyRoster({ onImport }: { onImport: () => void }) {
  return (
    <section className="oc-empty" aria-labelledby="oc-empty-title">
      <h2 id="oc-empty-title">No on-call roster yet</h2>
      <p>
        Holdfast answers “who is on call?” from a roster kept on this machine: people and their contacts, teams,
        schedules with their rotations, overrides and escalation policies, written as one YAML file (the format is in{' '}
        <code>docs/roster-format.md</code>).
      </p>
      <p>Load it from a terminal:</p>
      <div className="code-block">
        <pre>
          <code>{COMMAND}</code>
        </pre>
        <CopyButton text={COMMAND} label="Copy" what={`command ${COMMAND}`} />
      </div>
      <ForResponders>
        <p>or from here:</p>
        <p>
          <button type="button" className="primary" onClick={onImport}>
            Import roster…
          </button>
        </p>
      </ForResponders>
    </section>
  );
}
