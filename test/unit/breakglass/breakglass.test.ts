import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectBreakGlass } from '../../../src/main/breakglass/collect';
import { breakGlassHtml } from '../../../src/main/breakglass/page';
import { runCli } from '../../../src/main/cli/program';
import { openCore } from '../../../src/main/core/core';
import { fixedClock } from '../../../src/main/core/clock';
import { memoryCore, op, opError } from '../../fixtures/core';
import { APP_ROOT, ASSETS_DIR, tempDir, writeFiles } from '../../fixtures/temp';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"><svg onload=alert(3)>';

/** The demo workspace (runbooks and roster) at a fixed instant. */
async function demoCore() {
  const { core, clock } = memoryCore('2026-11-27T03:00:00Z');
  await op(core, 'loadDemoWorkspace', {});
  return { core, clock };
}

const pageOf = (core: Parameters<typeof collectBreakGlass>[0]) => breakGlassHtml(collectBreakGlass(core));

/** The text of every `<script>` element, and whether any has a src. */
const scripts = (html: string) => [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/gi)].map((match) => ({ attributes: match[1] ?? '', body: match[2] ?? '' }));

/** The names of every attribute of every tag (values removed first, so text inside them cannot pass for one). */
const attributeNames = (html: string) =>
  [...html.matchAll(/<[a-z][^>]*>/gi)].flatMap((tag) =>
    [...tag[0].replace(/"[^"]*"|'[^']*'/g, '""').matchAll(/\s([^\s=>/]+)(?==|\s|>|\/)/g)].map((match) => (match[1] ?? '').toLowerCase()),
  );

afterEach(() => {
  vi.useRealTimers();
});

describe('the break-glass page', () => {
  it('holds every runbook, the schedules’ next 30 days in their zones, escalation chains, contacts, and the time it was made', async () => {
    const { core } = await demoCore();
    core.settings.setTimeZone('Europe/Berlin');
    const html = pageOf(core);
    const titles = (await op(core, 'listRunbooks', {})).items.map((item) => item.title);
    expect(titles.length).toBeGreaterThan(3);
    for (const title of titles) expect(html).toContain(title.replaceAll('&', '&amp;'));
    // Runbook bodies are rendered Markdown, not source.
    // Headings nest under the page's own: a runbook's # is an h3.
    expect(html).toMatch(/<h3>[^<]+<\/h3>/);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toMatch(/<ol>\s*<li>/);

    expect(html).toContain('As of <time datetime="2026-11-27T03:00:00.000Z">Fri 27 Nov 2026 04:00 Berlin</time> <span class="utc">(2026-11-27 03:00 UTC)</span>');
    expect(html).toContain('Shop primary');
    expect(html).toContain('the next 30 days, times in America/Chicago');
    // 03:00 UTC is 21:00 the evening before in Chicago; the last rows reach 30 days on.
    expect(html).toMatch(/Thu 26 Nov 2026 21:00/);
    expect(html).toMatch(/Sat 26 Dec 2026 21:00/);
    expect(html).not.toMatch(/2027/);

    expect(html).toContain('id="escalation"');
    expect(html).toMatch(/Level 1<\/strong>, (at once|after \d+ min)/);
    expect(html).toContain('<a href="tel:+493055501177">+49 30 5550 1177</a>');
    expect(html).toContain('<a href="mailto:jonas@shop.example.com">jonas@shop.example.com</a>');
    expect(html).toContain('<a href="sms:+919000055501">+91 90000 55501</a>');
    expect(html).toContain('Maya Torres');
  });

  it('loads nothing from anywhere: no external src, stylesheet or url(), one inline script allowed by its hash', async () => {
    const { core } = await demoCore();
    await op(core, 'saveRunbook', {
      metadata: { title: 'Remote pictures' },
      body: '![a dashboard](https://grafana.example.com/panel.png)\n\n![local](img/missing.png)\n\nSee [the dashboard](https://grafana.example.com).\n',
    });
    const html = pageOf(core);

    expect(html).not.toMatch(/\ssrc=["']?(?!data:)/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/<(iframe|object|embed|base|form)\b/i);
    expect(html).toContain('<span class="image-missing">[a dashboard]</span>');
    expect(html).toContain('<span class="image-missing">[local]</span>');
    // Links stay: they only open when someone clicks them.
    expect(html).toContain('<a href="https://grafana.example.com">the dashboard</a>');

    const [script, ...others] = scripts(html);
    expect(others).toEqual([]);
    expect(script?.attributes).toBe('');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replaceAll('&#39;', "'") ?? '';
    const hash = createHash('sha256').update(script?.body ?? '').digest('base64');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).not.toContain('unsafe-inline');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(html).not.toMatch(/\sstyle=/i);
  });

  it('inlines a runbook’s stored images as data: URIs', async () => {
    const { core } = memoryCore();
    const folder = tempDir();
    writeFiles(folder, { 'db/lag.md': '# Replication lag\n\n![the lag graph](img/lag.png)\n', 'db/img/lag.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) });
    await op(core, 'importRunbooks', { paths: [folder] });
    expect(pageOf(core)).toContain(`<img src="data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]).toString('base64')}" alt="the lag graph">`);
  });

  it('escapes hostile text in runbooks and the roster: nothing in them becomes markup or script', async () => {
    const { core } = memoryCore();
    await op(core, 'saveRunbook', {
      metadata: { title: `Title ${HOSTILE}`, summary: `Summary ${HOSTILE}`, services: [`svc${HOSTILE}`], tags: ['x'], owner: HOSTILE },
      body: `# Body\n\n${HOSTILE}\n\n[click me](javascript:alert(4))\n\n<iframe src="https://evil.example"></iframe>\n\n<a href="#" onclick="alert(5)">x</a>\n`,
    });
    const roster = path.join(tempDir(), 'roster.yaml');
    fs.writeFileSync(
      roster,
      [
        'people:',
        '  - handle: eve',
        `    name: ${JSON.stringify(`Eve ${HOSTILE}`)}`,
        '    time_zone: UTC',
        '    contacts:',
        `      - email: ${JSON.stringify('eve@example.com"><script>alert(6)</script>')}`,
        `      - chat: ${JSON.stringify(HOSTILE)}`,
        'teams:',
        `  - name: ${JSON.stringify(`Team ${HOSTILE}`)}`,
        '    schedules:',
        '      - name: Primary',
        '        time_zone: UTC',
        '        layers:',
        '          - name: All',
        '            members: [eve]',
        '            shift: 1 week',
        '            handoff: "09:00"',
        '            handoff_day: monday',
        '            start: 2026-01-05',
        '',
      ].join('\n'),
    );
    await op(core, 'importRoster', { path: roster });
    const html = pageOf(core);

    expect(scripts(html)).toHaveLength(1);
    expect(html).not.toMatch(/<(svg|iframe|img)\b/i);
    // No element carries an event handler (the words may appear, escaped, as text or inside attribute values).
    expect(attributeNames('<img src="x" onerror="y">')).toContain('onerror'); // the check itself sees handlers
    expect(attributeNames(html).filter((name) => name.startsWith('on'))).toEqual([]);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toContain('mailto:eve');
    expect(html).toContain('Title &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Eve &lt;script&gt;');
    expect(html).toContain('Team &lt;script&gt;');
  });
});

describe('the break-glass file on disk', () => {
  it('is written by the operation into the folder asked for, in one piece', async () => {
    const { core } = await demoCore();
    const dir = path.join(tempDir(), 'usb', 'holdfast');
    const report = await op(core, 'exportBreakGlass', { dir });
    const schedules = (await op(core, 'getRoster', {})).schedules.length;
    expect(report).toMatchObject({ file: path.join(dir, 'holdfast-breakglass.html'), generatedAt: '2026-11-27T03:00:00.000Z', schedules });
    expect(report.runbooks).toBeGreaterThan(3);
    expect(fs.readdirSync(dir)).toEqual(['holdfast-breakglass.html']);
    expect(fs.statSync(report.file).size).toBe(report.bytes);
  });

  it('says which folder it cannot write to', async () => {
    const { core } = await demoCore();
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, 'not a folder');
    expect(await opError(core, 'exportBreakGlass', { dir: file })).toMatchObject({ code: 'IO', message: expect.stringContaining(`Cannot write the break-glass file into ${file}`) as string });
  });

  it('is kept current in the chosen folder: written when chosen, again a moment after runbooks or the roster change', async () => {
    const { core, clock } = await demoCore();
    const dir = tempDir();
    const file = path.join(dir, 'holdfast-breakglass.html');
    const info = await op(core, 'updateSettings', { breakGlassPath: dir });
    expect(info.breakGlass).toEqual({ folder: dir, file, writtenAt: '2026-11-27T03:00:00.000Z', error: null });
    expect(fs.readFileSync(file, 'utf8')).not.toContain('Brand new runbook');

    vi.useFakeTimers();
    clock.advance(60_000);
    await op(core, 'saveRunbook', { metadata: { title: 'Brand new runbook' }, body: 'Step one.\n' });
    expect(fs.readFileSync(file, 'utf8')).not.toContain('Brand new runbook');
    vi.advanceTimersByTime(2000);
    expect(fs.readFileSync(file, 'utf8')).toContain('Brand new runbook');
    expect((await op(core, 'getWorkspace', {})).breakGlass.writtenAt).toBe('2026-11-27T03:01:00.000Z');

    await op(core, 'updateSettings', { breakGlassPath: null });
    await op(core, 'saveRunbook', { metadata: { title: 'After stopping' }, body: 'x\n' });
    vi.advanceTimersByTime(5000);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('After stopping');
  });

  it('refuses a relative folder or one it cannot write to, and keeps the setting as it was', async () => {
    const { core } = await demoCore();
    expect(await opError(core, 'updateSettings', { breakGlassPath: 'relative/usb' })).toMatchObject({ code: 'VALIDATION', field: 'breakGlassPath' });
    const blocked = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocked, 'x');
    expect(await opError(core, 'updateSettings', { breakGlassPath: blocked, author: 'Someone else' })).toMatchObject({ code: 'IO' });
    const info = await op(core, 'getWorkspace', {});
    expect(info.breakGlass.folder).toBeNull();
    expect(info.author).toBe('tester');
  });

  it('is brought up to date when the store closes, so a CLI command that changed data leaves it current', async () => {
    const dataDir = tempDir();
    const dir = tempDir();
    const first = openCore({ dataDir, assetsDir: ASSETS_DIR, clock: fixedClock('2026-11-27T03:00:00Z') });
    await op(first, 'updateSettings', { breakGlassPath: dir });
    first.close();
    const second = openCore({ dataDir, assetsDir: ASSETS_DIR, clock: fixedClock('2026-11-27T04:00:00Z') });
    await op(second, 'saveRunbook', { metadata: { title: 'Written by a script' }, body: 'x\n' });
    second.close();
    expect(fs.readFileSync(path.join(dir, 'holdfast-breakglass.html'), 'utf8')).toContain('Written by a script');
  });
});

describe('holdfast export breakglass and settings --break-glass-path', () => {
  const holdfast = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const status = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, isTty: false }, APP_ROOT);
    return { status, stdout, stderr };
  };

  it('writes the file into a folder, and keeps it current once a folder is set', async () => {
    const data = tempDir();
    await holdfast('--data', data, 'demo', 'load');
    const out = tempDir();
    const exported = await holdfast('--data', data, 'export', 'breakglass', out);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(new RegExp(`^Wrote ${out}/holdfast-breakglass\\.html \\(\\d+ runbooks, \\d+ schedules, as of .+\\)\\.\\n$`));

    const kept = tempDir();
    const set = await holdfast('--data', data, 'settings', '--break-glass-path', kept);
    expect(set.stdout).toContain(`break-glass file: ${kept}/holdfast-breakglass.html`);
    const runbooks = tempDir();
    writeFiles(runbooks, { 'new.md': '# Imported from a script\n\nStep.\n' });
    await holdfast('--data', data, 'runbooks', 'import', runbooks);
    expect(fs.readFileSync(path.join(kept, 'holdfast-breakglass.html'), 'utf8')).toContain('Imported from a script');

    const cleared = await holdfast('--data', data, 'settings', '--break-glass-path', '');
    expect(cleared.stdout).toContain('break-glass file: not kept anywhere');
  });
});
