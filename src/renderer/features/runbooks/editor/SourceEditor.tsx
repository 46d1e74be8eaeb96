import { TimerText } from '../../incidents/timeline/TimerText';
import { Field } from './Field';

const PLACEHOLDER = `## Meaning
What the alert means.

## Diagnosis
1. Check the dashboard.
   \`kubectl -n shop get pods\`

## Mitigation
1. Roll back the last deploy {timer=5m}
   \`\`\`bash
   kubectl -n shop rollout undo deployment/checkout
   \`\`\`
- [ ] Tell support`;

/** The runbook's Markdown, as plain text: what is saved and exported. */
export function SourceEditor(props: {
  value: string;
  error: string | undefined;
  onChange: (body: string) => void;
  autoFocus: boolean;
}) {
  return (
    <Field
      label="Markdown"
      className="source-editor"
      hint={
        <>
          List items under Diagnosis, Mitigation, Steps… and task items become steps. Add a timer with <TimerText text="⏱ 5m" /> (the
          character ⏱, U+23F1) or {'{timer=5m}'}.
        </>
      }
      error={props.error}
    >
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          className="source-textarea"
          value={props.value}
          placeholder={PLACEHOLDER}
          spellCheck
          autoFocus={props.autoFocus}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
