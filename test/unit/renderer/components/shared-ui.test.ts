import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ErrorBanner } from '../../../../src/renderer/components/ErrorBanner';
import { Field, SelectField } from '../../../../src/renderer/components/Field';
import { ImportProblems, ImportReportSection } from '../../../../src/renderer/components/ImportReport';

const STATUS_LABELS = { open: 'Open', done: 'Done', 'wont-do': 'Won’t do' } as const;
type Status = keyof typeof STATUS_LABELS;

describe('SelectField', () => {
  const html = renderToStaticMarkup(
    createElement(SelectField<Status>, {
      label: 'Status',
      value: 'done',
      values: ['open', 'done', 'wont-do'],
      labels: STATUS_LABELS,
      onChange: () => undefined,
      hint: 'Where the work stands.',
      error: 'Choose a status.',
      selectClassName: 'pm-review-status',
    }),
  );

  it('labels the select and shows each value by its words, the chosen one selected', () => {
    const id = /<label for="([^"]+)"[^>]*>Status<\/label>/.exec(html)?.[1];
    expect(id).toBeDefined();
    expect(html).toContain(`id="${id}"`);
    expect(html).toContain('<option value="wont-do">Won’t do</option>');
    expect(html).toContain('<option value="done" selected="">Done</option>');
    expect(html).toContain('class="text-input pm-review-status"');
  });

  it('describes the select by its hint and its error, and marks it invalid', () => {
    const describedBy = /aria-describedby="([^"]+)"/.exec(html)?.[1]?.split(' ') ?? [];
    expect(describedBy).toHaveLength(2);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain(`<p id="${describedBy[0]}" class="field-hint">Where the work stands.</p>`);
    expect(html).toContain(`<p id="${describedBy[1]}" class="field-error">Choose a status.</p>`);
  });
});

describe('Field', () => {
  it('keeps a hint for screen readers only when told to, still describing the control', () => {
    const html = renderToStaticMarkup(
      createElement(Field, { label: 'Authors', hint: 'Separate names with commas.', hintHidden: true, children: (control) => createElement('input', control) }),
    );
    const describedBy = /aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`<p id="${describedBy}" class="visually-hidden">Separate names with commas.</p>`);
  });

  it('takes a label with markup in it', () => {
    const label = createElement('span', null, 'Note ', createElement('span', { className: 'muted' }, '(optional)'));
    const html = renderToStaticMarkup(createElement(Field, { label, children: (control) => createElement('input', control) }));
    expect(html).toContain('<span>Note <span class="muted">(optional)</span></span></label>');
  });
});

describe('ErrorBanner', () => {
  it('says the problem as an alert, with Dismiss only when it can be dismissed', () => {
    const dismissable = renderToStaticMarkup(createElement(ErrorBanner, { message: 'Not saved: the store is read-only.', onDismiss: () => undefined }));
    expect(dismissable).toBe('<div class="banner banner-error" role="alert"><span>Not saved: the store is read-only.</span><button type="button">Dismiss</button></div>');
    const lasting = renderToStaticMarkup(createElement(ErrorBanner, { message: 'This scenario was deleted.' }));
    expect(lasting).not.toContain('Dismiss');
  });

  it('shows nothing when there is no problem', () => {
    expect(renderToStaticMarkup(createElement(ErrorBanner, { message: null }))).toBe('');
  });
});

describe('ImportReportSection', () => {
  it('announces the headline and the counts, then what else the import says', () => {
    const html = renderToStaticMarkup(
      createElement(
        ImportReportSection,
        { headline: 'Roster imported.', counts: [{ count: 4, label: 'people' }, { count: 1, label: 'failed', className: 'count-failed' }] },
        createElement(ImportProblems, { items: [{ path: 'db/replication.md', reason: 'No title: add a first-level heading.' }] }),
      ),
    );
    expect(html).toContain('<section class="import-report" aria-label="Import report" aria-live="polite"><p><strong>Roster imported.</strong></p>');
    expect(html).toContain('<li><strong>4</strong> people</li><li class="count-failed"><strong>1</strong> failed</li>');
    expect(html).toContain('<code class="import-path">db/replication.md</code><span class="import-reason">No title: add a first-level heading.</span>');
  });
});
