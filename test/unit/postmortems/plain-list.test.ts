import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToSafeHtml } from '../../../src/main/html/markdown';
import { plainListToHtml } from '../../../src/main/html/plain-list';
import { plainText, recordValues } from '../../../src/main/postmortems/record';
import type { Incident, TimelineEvent } from '../../../src/shared/incidents';
import { memoryCore, op } from '../../fixtures/core';
import { scriptedIncident } from './scripted-incident';

/** Typed text with everything Markdown might act on, and web addresses. */
const typed = fc
  .array(
    fc.oneof(
      fc.constantFrom('restart', 'pods', 'data_dir', '_tmp_', '*.log', '<none>', '&amp;', 'a|b', '`code`', '~x~', '[link](x)', '![img](y)', '\\', '#3', '1.', '-', '>', '!', 'é', '—', '  ', '\t'),
      fc.constantFrom('https://grafana.example.com/d/pg_lag?var-host=db_3', 'https://x.example/a(b)', 'http://h/%2Fp.', 'www.example.com', 'lee@example.com', 'https://'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 8 },
  )
  .map((words) => words.join(' '));

/**
 * Checks that every Markdown document `documents` makes renders to the same HTML on the
 * fast path as through the Markdown renderer (or that the fast path declines it), and
 * returns how many took the fast path.
 */
function fastRendered(documents: fc.Arbitrary<string>, numRuns: number): number {
  let fast = 0;
  fc.assert(
    fc.property(documents, (markdown) => {
      const html = plainListToHtml(markdown);
      if (html === null) return;
      fast += 1;
      expect(html).toBe(markdownToSafeHtml(markdown));
    }),
    { numRuns },
  );
  return fast;
}

describe('a plain list rendered without the Markdown parser', () => {
  it('is exactly what the Markdown renderer makes of it, for any typed text, or declines', () => {
    const lists = fc.array(typed, { minLength: 1, maxLength: 5 }).map((texts) => texts.map((text) => `- 2026-11-27 03:15 UTC — ana: ${plainText(text.replace(/\n+/g, ' — '))}`).join('\n'));
    // Most typed text takes the fast path; the property would prove nothing if it always declined.
    expect(fastRendered(lists, 3000)).toBeGreaterThan(200);
  });

  it('is exactly what the Markdown renderer makes of a long note written whole under its line, or declines', () => {
    const line = fc.array(fc.constantFrom('a', 'log', ' ', '\t', '`', '```', '````', '-', '*', '<b>', '&', '#', '>', '1.', '\\', '~~~', 'é', '\u0000', '\r', ''), { maxLength: 8 }).map((parts) => parts.join(''));
    const notes = fc
      .array(line, { minLength: 4, maxLength: 12 })
      .map((lines) => lines.join('\n'))
      .filter((text) => text.trim() !== '')
      .map((text) => appendix([text, 'after it']));
    expect(fastRendered(notes, 1500)).toBeGreaterThan(200);
  });

  it('declines anything that is not a flat list of plain items', () => {
    for (const markdown of ['- a\n  - nested', '- **bold**', '- see www.example.com', 'text', '- ---', '- 1. one', '- a  ', '- # x']) {
      expect(plainListToHtml(markdown), markdown).toBeNull();
    }
  });

  it('makes the same post-mortem HTML as rendering the whole Markdown document', async () => {
    const { core, clock } = memoryCore();
    const id = await scriptedIncident(core, clock);
    await op(core, 'logNote', { id, text: 'IP <none>; see https://grafana.example.com/d/x?var-a=1_2. Then *.log' });
    const postmortem = await op(core, 'regeneratePostmortem', { incidentId: id });
    const markdown = (await op(core, 'exportPostmortem', { incidentId: id, format: 'md' })).content;
    const html = (await op(core, 'exportPostmortem', { incidentId: id, format: 'html' })).content;
    const sections = postmortem.sections.map((section) => ({ title: section.title, content: section.content.trim() }));
    // Block by block, with the timeline on the fast path, it is the whole document rendered as Markdown.
    expect(html).toContain(markdownToSafeHtml(markdown));
    expect(sections.some((section) => section.content.split('\n').length > 10 && plainListToHtml(section.content) !== null)).toBe(true);
  });
});

/** The post-mortem's full timeline of notes with these texts, as the draft writes it. */
function appendix(texts: string[]): string {
  const incident = { id: 1, title: 't', severity: 'SEV2', services: [], resolutionSummary: '', timeZone: 'UTC', roles: [], runbooks: [] } as unknown as Incident;
  const timeline: TimelineEvent[] = texts.map((text, index) => ({ id: index + 1, seq: index + 1, incidentId: 1, at: '2026-11-27T03:15:00.000Z', type: 'note', actor: 'ana', actorHandle: null, text, data: {}, key: false, supersededBy: null }));
  return recordValues(incident, timeline, [], { status: 'draft', authors: [], date: '2026-11-27' }).full_timeline ?? '';
}
