import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { dispatch, operationNames } from '../../../src/main/api';
import { BREAK_GLASS_SCRIPT } from '../../../src/main/breakglass/script';
import { toApiError } from '../../../src/main/errors';
import { memoryCore, op, opError } from '../../fixtures/core';
import { tempDir, writeFiles } from '../../fixtures/temp';

/** The first bytes of a PNG file, and some of its binary body. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8, 0x00, 0x81]);

const OPERATION_NAME = new RegExp(`\\b(${operationNames.join('|')})\\b`);

describe('error messages', () => {
  it('name the field and what is wrong, never the operation’s internal name', async () => {
    const { core } = memoryCore();
    const result = await dispatch(core, 'searchRunbooks', { query: 'disk', limit: 'ten' });
    expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'limit', message: '`limit` must be a number, not “ten”.' } });
    const unknownKey = await dispatch(core, 'getRunbook', { id: 1, sql: 'DROP TABLE runbooks' });
    expect(unknownKey.ok ? '' : unknownKey.error.message).toBe('The input has a key it does not know: “sql” (misspelt?); the keys here are “id”.');
    for (const outcome of [result, unknownKey]) expect(outcome.ok ? '' : outcome.error.message).not.toMatch(OPERATION_NAME);
  });

  it('say what failed and what to do when something unforeseen breaks, with the details in the log only', async () => {
    const { core } = memoryCore();
    const broken = new RangeError('Cannot parse: 2026-13-01');
    vi.spyOn(core.incidents, 'list').mockImplementation(() => {
      throw broken;
    });
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const error = await opError(core, 'listIncidents', {});
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe(
      'Something failed inside Holdfast (Cannot parse: 2026-13-01) while working on “Incidents, open ones first (drills only when asked)”. ' +
        'Try again; if it fails again, note what you did and report it with the details from Holdfast’s log ' +
        '(the terminal running holdfast web, or the desktop app’s log).',
    );
    expect(error.message).not.toMatch(/Unexpected error|RangeError|at .+\.ts:\d+|listIncidents/);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('failed'), broken);
    log.mockRestore();
  });

  it('say what the file system refused in words, not by its system call', () => {
    const missing = Object.assign(new Error('ENOENT: no such file or directory, scandir \'/srv/runbooks\''), { code: 'ENOENT', syscall: 'scandir', path: '/srv/runbooks' });
    expect(toApiError(missing)).toEqual({ code: 'IO', message: 'Cannot read the folder /srv/runbooks: it does not exist.' });
    const denied = Object.assign(new Error('EACCES'), { code: 'EACCES', syscall: 'mkdir', path: '/srv/exports' });
    expect(toApiError(denied)).toEqual({ code: 'IO', message: 'Cannot create the folder /srv/exports: permission denied.' });
  });

  it('call a PNG imported as a drill scenario what it is, as the runbook import does, by path or chosen in the app', async () => {
    const { core } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, { 'diagram.png': PNG, 'runbooks/diagram.md': PNG });
    const byPath = await opError(core, 'importDrillScenario', { path: path.join(dir, 'diagram.png') });
    expect(byPath).toMatchObject({ code: 'VALIDATION', message: `${path.join(dir, 'diagram.png')} is not UTF-8 text (is it a binary file, such as an image?). Choose the Markdown or YAML file itself.` });
    // A browser reads the chosen file as text: bytes that are not UTF-8 arrive as U+FFFD.
    const chosen = await opError(core, 'importDrillScenarioText', { markdown: new TextDecoder().decode(PNG), fileName: 'diagram.png' });
    expect(chosen.message).toMatch(/^diagram\.png is not UTF-8 text/);
    const runbook = await op(core, 'importRunbooks', { paths: [path.join(dir, 'runbooks')] });
    expect(runbook.failed[0]?.error).toMatch(/^the file is not UTF-8 text \(is it a binary file/);
  });

  it('say which roster field is missing, in words, with its line', async () => {
    const { core } = memoryCore();
    const dir = tempDir();
    const roster = ['people:', '  - handle: ana', '    name: Ana Lima', '    time_zone: Europe/London', 'teams:', '  - name: Payments', '    schedules:', '      - name: Primary', '        time_zone: Europe/London', ''].join('\n');
    writeFiles(dir, { 'roster.yaml': roster });
    const error = await opError(core, 'importRoster', { path: path.join(dir, 'roster.yaml') });
    expect(error.details).toEqual(['roster.yaml:8: `teams[0].schedules[0].layers` is missing: a schedule needs at least one layer']);
    writeFiles(dir, { 'misspelt.yaml': 'people: []\nteamz: []\n' });
    const misspelt = await opError(core, 'importRoster', { path: path.join(dir, 'misspelt.yaml') });
    expect(misspelt.details).toEqual(['misspelt.yaml:1: The file has a key it does not know: “teamz” (misspelt?); the keys here are “people” and “teams”']);
  });
});

describe('the break-glass file’s age', () => {
  /** Runs the page's script against a stand-in page made `hoursAgo` hours before now; returns what the age line says. */
  function ageLine(hoursAgo: number): string {
    const age = { textContent: '', getAttribute: () => new Date(Date.now() - hoursAgo * 3_600_000 - 60_000).toISOString() };
    const element = (id: string) => (id === 'age' ? age : { addEventListener: () => undefined, querySelectorAll: () => [], appendChild: () => undefined, value: '' });
    const document = { getElementById: element, addEventListener: () => undefined, documentElement: { classList: { add: () => undefined } } };
    vm.runInNewContext(BREAK_GLASS_SCRIPT, { document, Intl, Date, HTMLInputElement: class {}, HTMLTextAreaElement: class {}, location: {} });
    return age.textContent;
  }

  it('says “1 hour ago”, not “1 hours ago”', () => {
    expect(ageLine(1)).toBe('(1 hour ago)');
    expect(ageLine(5)).toBe('(5 hours ago)');
    expect(ageLine(49)).toBe('(2 days ago)');
  });
});
