import { useRef } from 'react';
import type { RunbookLink } from '../../../../shared/runbooks';
import { errorAt, type FieldErrors } from './draft';
import { TextField } from '../../../components/Field';

/** Dashboards, consoles and docs, as label + address rows. */
export function LinksEditor(props: { links: RunbookLink[]; errors: FieldErrors; onChange: (links: RunbookLink[]) => void }) {
  const { links, errors, onChange } = props;
  const list = useRef<HTMLOListElement>(null);
  const change = (index: number, patch: Partial<RunbookLink>) =>
    onChange(links.map((link, at) => (at === index ? { ...link, ...patch } : link)));
  const add = () => {
    onChange([...links, { label: '', url: '' }]);
    // Put the cursor in the new row's label.
    requestAnimationFrame(() => list.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  };
  const listError = errors['metadata.links'];
  return (
    <fieldset className="links-editor field-wide">
      <legend>Links</legend>
      {links.length > 0 && (
        <ol className="link-rows" ref={list}>
          {links.map((link, index) => (
            <li key={index} className="link-row">
              <TextField
                label={`Link ${index + 1} label`}
                value={link.label}
                error={errorAt(errors, `metadata.links.${index}.label`)}
                onChange={(label) => change(index, { label })}
                placeholder="Checkout dashboard"
              />
              <TextField
                label={`Link ${index + 1} address`}
                className="link-url"
                value={link.url}
                error={errorAt(errors, `metadata.links.${index}.url`)}
                onChange={(url) => change(index, { url })}
                placeholder="https://grafana.example.internal/d/checkout"
              />
              <button
                type="button"
                className="remove-link"
                onClick={() => onChange(links.filter((_, at) => at !== index))}
                aria-label={`Remove link ${index + 1}${link.label ? ` (${link.label})` : ''}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      {listError && <p className="field-error">{listError}</p>}
      <button type="button" onClick={add}>
        Add link
      </button>
    </fieldset>
  );
}
