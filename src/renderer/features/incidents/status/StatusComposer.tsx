import { useEffect, useId, useRef, useState } from 'react';
import type { Incident } from '../../../../shared/incidents';
import { LIMITS } from '../../../../shared/limits';
import { readOp } from '../../../api/queries';
import { ask } from '../../../components/confirm';
import { CopyButton } from '../../../components/CopyButton';
import { LengthHint, textLength } from '../../../components/TextLength';
import { useFormErrors } from '../../../components/form-errors';
import { LocalTime } from '../../runbooks/LocalTime';
import { useDraft } from '../drafts';
import { COMPOSER_ID } from '../screen/IncidentHeader';
import { logEvent } from '../mutations';

type Audience = 'internal' | 'external';

/**
 * A status update from the workspace's template (internal or external), edited
 * here, then logged on the timeline and copied for pasting wherever people are.
 */
export function StatusComposer({ incident }: { incident: Incident }) {
  const id = useId();
  const [audience, setAudience] = useState<Audience>('internal');
  const [impact, setImpact] = useDraft(`impact.${incident.id}`);
  const [minutes, setMinutes] = useState(String(incident.updateEveryMinutes));
  const [text, setText] = useDraft(`update.${incident.id}`);
  // The last text the template gave: while the update still says exactly that, it follows the incident.
  const [filled, setFilled] = useDraft(`update-filled.${incident.id}`);
  const [busy, setBusy] = useState<'drafting' | 'posting' | null>(null);
  const [posted, setPosted] = useState<{ at: string; text: string; copied: boolean } | null>(null);
  const errors = useFormErrors({ audience, impact, minutes, text });
  const error = errors.form;

  const draft = (chosen: Audience) => {
    const next = Number(minutes);
    // Filled in at this moment (its next-update time): always asked afresh.
    return readOp(
      'draftStatusUpdate',
      {
      id: incident.id,
      audience: chosen,
      impact: impact.trim(),
        ...(Number.isInteger(next) && next >= 1 && next <= 1440 ? { nextUpdateMinutes: next } : {}),
      },
      { fresh: true },
    );
  };
  const apply = (result: Awaited<ReturnType<typeof draft>>) => {
    if (result.ok) {
      setText(result.value.text);
      setFilled(result.value.text);
      errors.clear();
    } else {
      errors.report({ form: result.error.message });
    }
  };

  const fill = async (options: { audience?: Audience; force?: boolean } = {}) => {
    const edited = text.trim() !== '' && text !== filled;
    if (edited && !options.force) {
      const replace = await ask({
        title: 'Replace your text?',
        body: <p>The template replaces what you have written in the update.</p>,
        confirmLabel: 'Replace',
      });
      if (!replace) return;
    }
    setBusy('drafting');
    const result = await draft(options.audience ?? audience);
    setBusy(null);
    apply(result);
  };

  // Until someone edits it, the draft follows the incident (status, severity, commander) and the fields above.
  const latest = useRef({ text, filled, draft, apply });
  useEffect(() => {
    latest.current = { text, filled, draft, apply };
  });
  const templateKey = [incident.status, incident.severity, incident.commander?.name ?? '', incident.services.join(','), impact, minutes, audience].join('\n');
  useEffect(() => {
    const unedited = () => latest.current.text.trim() === '' || latest.current.text === latest.current.filled;
    if (!unedited()) return;
    let live = true;
    const timer = window.setTimeout(() => {
      void latest.current.draft(audience).then((result) => {
        if (live && unedited()) latest.current.apply(result);
      });
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // `templateKey` says when the template would read differently.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [templateKey]);

  const tooLong = textLength(text.trim(), LIMITS.statusUpdateChars, 'a status update').over || textLength(impact.trim(), LIMITS.impactChars, 'the impact').over;

  const post = async () => {
    const update = text.trim();
    if (update === '' || busy || tooLong) return;
    setBusy('posting');
    errors.clear();
    const outcome = await logEvent('postStatusUpdate', { id: incident.id, audience, text: update });
    if (!outcome.ok) {
      setBusy(null);
      errors.report({ form: outcome.message });
      return;
    }
    let copied = true;
    try {
      await navigator.clipboard.writeText(update);
    } catch {
      copied = false;
    }
    setBusy(null);
    setPosted({ at: outcome.value.at, text: update, copied });
    setText('');
    setFilled('');
    // The next update starts from the template again.
    apply(await draft(audience));
  };

  return (
    <section className="panel composer" id={COMPOSER_ID} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        Status update
      </h2>
      <fieldset className="audience">
        <legend className="field-label">Audience</legend>
        {(['internal', 'external'] as const).map((option) => (
          <label key={option} className="audience-option">
            <input
              type="radio"
              name={`${id}-audience`}
              value={option}
              checked={audience === option}
              onChange={() => {
                setAudience(option);
              }}
            />
            {option === 'internal' ? 'Internal' : 'External (customers)'}
          </label>
        ))}
      </fieldset>
      <div className="composer-row">
        <div className="field composer-impact">
          <label htmlFor={`${id}-impact`} className="field-label">
            Impact
          </label>
          <input id={`${id}-impact`} className="text-input" value={impact} onChange={(event) => setImpact(event.target.value)} placeholder="Card payments fail for about 30% of customers." aria-describedby={`${id}-impact-length`} />
          <LengthHint id={`${id}-impact-length`} text={impact.trim()} max={LIMITS.impactChars} what="the impact" />
        </div>
        <div className="field composer-next">
          <label htmlFor={`${id}-next`} className="field-label">
            Next update in (min)
          </label>
          <input id={`${id}-next`} className="text-input" type="number" min={1} max={1440} value={minutes} onChange={(event) => setMinutes(event.target.value)} />
        </div>
      </div>
      <button type="button" className="small-button" onClick={() => void fill()} disabled={busy !== null}>
        {busy === 'drafting' ? 'Filling…' : 'Fill from template'}
      </button>
      <div className="field">
        <label htmlFor={`${id}-text`} className="field-label">
          Update text
        </label>
        <textarea id={`${id}-text`} className="text-input composer-text" rows={7} value={text} onChange={(event) => setText(event.target.value)} aria-describedby={`${id}-text-length`} />
        <LengthHint id={`${id}-text-length`} text={text.trim()} max={LIMITS.statusUpdateChars} what="a status update" />
      </div>
      <div className="composer-actions">
        <button type="button" className="primary" onClick={() => void post()} disabled={busy !== null || text.trim() === '' || tooLong}>
          {busy === 'posting' ? 'Posting…' : 'Post and copy'}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {posted && (
        <div className="posted" role="status">
          <p>
            Posted at <LocalTime iso={posted.at} />
            {posted.copied ? ' and copied to the clipboard.' : '. Copying failed: use the button to copy it.'}
          </p>
          <CopyButton text={posted.text} label="Copy again" what="the posted update" inline />
        </div>
      )}
    </section>
  );
}
