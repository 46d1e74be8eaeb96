import { useId } from 'react';
import { SEVERITIES, type Severity, type SeverityLevel } from '../../../../shared/incidents';
import { severityClass } from '../format';

/** SEV1–SEV4 as radio cards, each with what it means, who gets paged and how often to update. */
export function SeverityPicker(props: {
  value: Severity;
  onChange: (severity: Severity) => void;
  levels: SeverityLevel[] | undefined;
  legend?: string;
  /** The severity the incident has now (marked as such). */
  current?: Severity;
}) {
  const name = useId();
  return (
    <fieldset className="severity-picker">
      <legend className="field-label">{props.legend ?? 'Severity'}</legend>
      <div className="severity-options">
        {SEVERITIES.map((severity) => {
          const level = props.levels?.find((candidate) => candidate.severity === severity);
          const descriptionId = `${name}-${severity}`;
          return (
            <label key={severity} className="severity-option" data-checked={props.value === severity}>
              <input
                type="radio"
                name={name}
                value={severity}
                checked={props.value === severity}
                onChange={() => props.onChange(severity)}
                aria-describedby={level ? descriptionId : undefined}
              />
              <span className={severityClass(severity)}>{severity}</span>
              {props.current === severity && <span className="muted"> (now)</span>}
              {level && (
                <span id={descriptionId} className="severity-option-text">
                  <span>{level.description}</span>
                  <span className="muted">
                    {level.paging} Update every {level.updateEveryMinutes} min.
                  </span>
                </span>
              )}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
