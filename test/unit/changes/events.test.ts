import { describe, expect, it } from 'vitest';
import { parseChangeEventsJsonl, readEvent } from '../../../src/main/changes/events-jsonl';

const deploy = {
  summary: 'Deploy checkout v2.14.0',
  timestamp: '2026-11-02T09:12:00+01:00',
  source: 'github-actions',
  links: [{ href: 'https://ci.example.com/checkout/runs/4211', text: 'Run 4211' }],
  custom_details: { commit: '9f3c2e1', author: 'ana', build: { number: 4211 } },
  services: ['checkout'],
};

describe('change events from JSON Lines', () => {
  it('reads PagerDuty’s change-event shape, flat or as sent to its API, with instants in UTC', () => {
    const pagerDuty = { routing_key: 'R0UT1NGKEY', payload: { summary: 'Flip flag new-cart to 50 %', timestamp: '2026-11-02T08:00:00Z', source: 'flags', custom_details: { flag: 'new-cart' } }, links: [{ href: 'https://flags.example.com/new-cart' }], services: ['cart'] };
    const { events, failed } = parseChangeEventsJsonl(`${JSON.stringify(deploy)}\n\n${JSON.stringify(pagerDuty)}\n`);
    expect(failed).toEqual([]);
    expect(events).toMatchObject([
      { ...deploy, timestamp: '2026-11-02T08:12:00.000Z' },
      { summary: 'Flip flag new-cart to 50 %', timestamp: '2026-11-02T08:00:00.000Z', source: 'flags', links: [{ href: 'https://flags.example.com/new-cart' }], custom_details: { flag: 'new-cart' }, services: ['cart'] },
    ]);
    expect(events[1]).not.toHaveProperty('routing_key');
    expect(events.map((event) => event.uid)).toEqual([expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/), expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/)]);
  });

  it('gives the same event the same uid, whatever its key order, so importing a file twice adds nothing', () => {
    const reordered = { services: deploy.services, custom_details: { build: { number: 4211 }, author: 'ana', commit: '9f3c2e1' }, links: deploy.links, source: deploy.source, timestamp: deploy.timestamp, summary: deploy.summary };
    const first = parseChangeEventsJsonl(JSON.stringify(deploy)).events[0];
    const again = parseChangeEventsJsonl(JSON.stringify(reordered)).events[0];
    expect(again?.uid).toBe(first?.uid);
    expect(parseChangeEventsJsonl(`${JSON.stringify(deploy)}\n${JSON.stringify(reordered)}`).events).toHaveLength(1);
    const other = parseChangeEventsJsonl(JSON.stringify({ ...deploy, summary: 'Deploy checkout v2.14.1' })).events[0];
    expect(other?.uid).not.toBe(first?.uid);
  });

  it('reports each bad line with its number and reads the rest', () => {
    const lines = [
      JSON.stringify(deploy),
      '{"summary": "Deploy search", "timestamp": ',
      JSON.stringify({ timestamp: '2026-11-02T08:00:00Z' }),
      JSON.stringify({ summary: 'Deploy cart' }),
      '',
      JSON.stringify({ summary: 'Deploy cart', timestamp: 'yesterday' }),
      '[1, 2, 3]',
      JSON.stringify({ summary: 'Deploy cart', timestamp: '2026-11-02T08:00:00Z', links: [{ href: 'not a link' }] }),
      JSON.stringify({ summary: '   ', timestamp: '2026-11-02T08:00:00Z' }),
      JSON.stringify({ ...deploy, summary: 'Deploy checkout v2.14.2' }),
    ];
    const { events, failed } = parseChangeEventsJsonl(lines.join('\r\n'));
    expect(events.map((event) => event.summary)).toEqual(['Deploy checkout v2.14.0', 'Deploy checkout v2.14.2']);
    expect(failed).toEqual([
      { line: 2, error: expect.stringMatching(/^not JSON \(.+\); each line must be one JSON object$/) as unknown },
      { line: 3, error: expect.stringMatching(/^missing "summary": every event needs a summary \(what changed, in words\) and a timestamp/) as unknown },
      { line: 4, error: expect.stringMatching(/^missing "timestamp": /) as unknown },
      { line: 6, error: 'timestamp: use an ISO-8601 instant with a zone that names a real day and time, e.g. 2026-11-27T03:00:00Z' },
      { line: 7, error: 'not a change event: give a JSON object with at least "summary" and "timestamp"' },
      { line: 8, error: expect.stringMatching(/^links\.0\.href: is not a link/) as unknown },
      { line: 9, error: 'summary: cannot be empty; give the summary of what changed' },
    ]);
  });

  it('takes one event posted by a script the same way', () => {
    expect(readEvent(JSON.stringify(deploy))).toMatchObject({ event: { summary: 'Deploy checkout v2.14.0' } });
    expect(readEvent('{')).toMatchObject({ error: expect.stringMatching(/^not JSON/) as unknown });
  });
});
