import { describe, expect, it } from 'vitest';
import { formSummary, liveErrors, reportErrors } from '../../../../src/renderer/components/form-errors';

describe('form messages', () => {
  const values = { title: '', services: 'a, ,b', links: [{ label: 'Dash', url: 'ftp://x' }], note: 'hi' };
  const reported = reportErrors(values, { fields: { title: 'Give it a title.', 'services.1': 'cannot be empty', 'links.0.url': 'use http(s)' }, form: null });

  it('hold while what they are about is unchanged', () => {
    expect(liveErrors(reported, structuredClone(values)).fields).toEqual(reported.fields);
    expect(formSummary(liveErrors(reported, values))).toBe('Fix the fields marked below, then save again.');
  });

  it('leave a field as soon as it changes, and the summary with the last of them', () => {
    const titled = { ...values, title: 'Checkout down' };
    expect(Object.keys(liveErrors(reported, titled).fields)).toEqual(['services.1', 'links.0.url']);
    // A message deeper than the field's value (an item of a list typed as one line) goes when the line changes.
    const fixed = { ...titled, services: 'a, b', links: [{ label: 'Dash', url: 'https://x' }] };
    expect(liveErrors(reported, fixed)).toEqual({ fields: {}, form: null });
    expect(formSummary(liveErrors(reported, fixed))).toBeNull();
  });

  it('keep a message for the whole form until anything changes', () => {
    const refused = reportErrors(values, { form: 'The store is busy; try again.' });
    expect(formSummary(liveErrors(refused, values))).toBe('The store is busy; try again.');
    expect(liveErrors(refused, { ...values, note: 'hi!' }).form).toBeNull();
  });
});
