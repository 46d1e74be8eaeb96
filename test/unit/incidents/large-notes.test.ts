import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/main/core/clock';
import { openCore } from '../../../src/main/core/core';
import { LIMITS } from '../../../src/shared/limits';
import { memoryCore, op, opError } from '../../fixtures/core';
import { ASSETS_DIR, tempDir } from '../../fixtures/temp';

/** About 100 kB of a real-looking log paste: indentation, tabs, blank lines, backticks, non-ASCII, a trailing newline. */
function logPaste(): string {
  const lines: string[] = [];
  for (let i = 0; lines.join('\n').length < 100_000; i += 1) {
    lines.push(`2026-11-27T03:${String(i % 60).padStart(2, '0')}:07.${i}Z ERROR payments-api pod/payments-7f9c-${i} upstream connect error`);
    if (i % 40 === 0) lines.push('    at Object.connect (net.js:1127:17)', '\tat TLSSocket.<anonymous> (`tls`.js:42)', '', '  → retry ✗ «ü»');
  }
  return `${lines.join('\n')}\n`;
}

describe('a large note', () => {
  it('of 100 kB is stored whole and reads back byte for byte, also after a restart', async () => {
    const dataDir = tempDir();
    const clock = fixedClock('2026-11-27T03:00:00Z');
    const log = logPaste();
    expect(log.length).toBeGreaterThan(100_000);
    const first = openCore({ dataDir, assetsDir: ASSETS_DIR, clock });
    const { id } = await op(first, 'declareIncident', { title: 'Payments failing', severity: 'SEV2' });
    const logged = await op(first, 'logNote', { id, text: log });
    expect(logged.text).toBe(log);
    first.close();

    const second = openCore({ dataDir: path.resolve(dataDir), assetsDir: ASSETS_DIR, clock });
    const note = (await op(second, 'getTimeline', { id })).find((event) => event.id === logged.id);
    expect(Buffer.from(note?.text ?? '').equals(Buffer.from(log))).toBe(true);
    second.close();
  });

  it('is taken up to the documented limit, and refused past it with its length, nothing logged', async () => {
    const { core } = memoryCore();
    const { id } = await op(core, 'declareIncident', { title: 'Payments failing', severity: 'SEV2' });
    await op(core, 'logNote', { id, text: 'x'.repeat(LIMITS.noteChars) });
    const refused = await opError(core, 'logNote', { id, text: 'y'.repeat(LIMITS.noteChars + 1) });
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'text', message: '`text` is too long: at most 1,000,000 characters (this has 1,000,001).' });
    const [, note] = await op(core, 'getTimeline', { id });
    expect(await op(core, 'getTimeline', { id })).toHaveLength(2);
    // A correction and a drill observation hold as much as a note.
    const corrected = await op(core, 'correctEvent', { id, eventId: note?.id ?? 0, text: `${logPaste()}(the right log)` });
    expect(corrected.text.endsWith('(the right log)')).toBe(true);
  });

  it('is whole in the post-mortem’s appendix, as a block that keeps its lines; the timeline section points there', async () => {
    const { core } = memoryCore();
    const { id } = await op(core, 'declareIncident', { title: 'Payments failing', severity: 'SEV2' });
    const log = logPaste();
    const note = await op(core, 'logNote', { id, text: log, actor: 'ana' });
    await op(core, 'markKey', { id, eventId: note.id, key: true });
    const markdown = (await op(core, 'exportPostmortem', { incidentId: id, format: 'md' })).content;
    const lines = log.split('\n');
    const headline = `2026-11-27 03:00 UTC — ana: ${lines[0]}`;
    const timeline = markdown.slice(markdown.indexOf('## Timeline'), markdown.indexOf('## Runbooks used'));
    expect(timeline).toContain(`${headline} (${lines.length.toLocaleString('en')} lines, ${log.length.toLocaleString('en')} characters; in full in the appendix)`);
    expect(timeline.length).toBeLessThan(1000);
    const appendix = markdown.slice(markdown.indexOf('## Appendix: full timeline'));
    expect(appendix).toContain(`in full below)\n  \`\`\`\n${lines.map((line) => (line.trim() === '' ? '' : `  ${line}`)).join('\n')}\n  \`\`\``);

    const html = (await op(core, 'exportPostmortem', { incidentId: id, format: 'html' })).content;
    expect(html).toContain('<pre><code>2026-11-27T03:00:07.0Z ERROR payments-api');
    expect(html).toContain('\tat TLSSocket.&#x3C;anonymous> (`tls`.js:42)\n');
  });
});
