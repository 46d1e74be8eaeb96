import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdfast } from '../fixtures/cli';
import { damageStore } from '../fixtures/damage';
import { tempDir, writeFiles } from '../fixtures/temp';


describe('backups and checks', () => {
  it('backs up online, restores (keeping the replaced store), and checks', async () => {
    const data = tempDir();
    const runbooks = tempDir();
    writeFiles(runbooks, { 'a.md': '# Before the backup\n\ntext\n' });
    await holdfast('--data', data, 'runbooks', 'import', runbooks);
    const created = await holdfast('--data', data, '--json', 'backup', 'create');
    expect(created.status).toBe(0);
    const backupFile = (JSON.parse(created.stdout) as { file: string }).file;
    expect(backupFile.startsWith(path.join(data, 'backups'))).toBe(true);

    writeFiles(runbooks, { 'b.md': '# After the backup\n\ntext\n' });
    await holdfast('--data', data, 'runbooks', 'import', runbooks);
    expect((await holdfast('--data', data, 'check')).stdout).toMatch(/: ok\n$/);

    const restored = await holdfast('--data', data, 'backup', 'restore', backupFile);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/kept at .*holdfast-before-restore-/);
    const titles = JSON.parse((await holdfast('--data', data, '--json', 'runbooks', 'list')).stdout) as { items: { title: string }[] };
    expect(titles.items.map((item) => item.title)).toEqual(['Before the backup']);
    expect((JSON.parse((await holdfast('--data', data, '--json', 'backup', 'list')).stdout) as unknown[]).length).toBe(2);
  });

  it('check exits 1 on a damaged store, naming the file, the latest good backup and the command that restores it', async () => {
    const data = tempDir();
    const runbooks = tempDir();
    writeFiles(runbooks, Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`r${i}.md`, `# Runbook ${i}\n\n${'text '.repeat(400)}\n`])));
    await holdfast('--data', data, 'runbooks', 'import', runbooks);
    const backupFile = (JSON.parse((await holdfast('--data', data, '--json', 'backup', 'create')).stdout) as { file: string }).file;
    const file = path.join(data, 'holdfast.db');
    damageStore(file, 'pages');
    const damaged = fs.readFileSync(file);

    const check = await holdfast('--data', data, 'check');
    expect(check.status).toBe(1);
    const lines = check.stderr.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^holdfast: The data file ${escape(file)} is damaged: .+\\.$`));
    expect(lines[1]).toMatch(new RegExp(`^  The latest good backup is ${escape(backupFile)} \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC, [\\d.]+ [kM]B\\)\\.$`));
    expect(lines[3]).toBe(`    holdfast --data ${data} backup restore ${backupFile}`);
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);

    const refused = await holdfast('--data', tempDir(), 'backup', 'restore', file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/is not a sound Holdfast backup/);
  });

  it('any command on a damaged store says so, names the latest good backup, and its restore command brings the data back', async () => {
    const data = tempDir();
    const runbooks = tempDir();
    writeFiles(runbooks, Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`r${i}.md`, `# Runbook ${i}\n\n${'text '.repeat(400)}\n`])));
    await holdfast('--data', data, 'runbooks', 'import', runbooks);
    await holdfast('--data', data, 'backup', 'create');
    const file = path.join(data, 'holdfast.db');
    damageStore(file, 'pages');
    const damaged = fs.readFileSync(file);

    for (const command of [['info'], ['runbooks', 'list'], ['runbooks', 'search', 'text'], ['incident', 'list'], ['backup', 'create']]) {
      const result = await holdfast('--data', data, ...command);
      expect(result.status, command.join(' ')).toBe(1);
      expect(result.stderr).toContain(`holdfast: The data file ${file} is damaged and cannot be opened`);
      expect(result.stderr).toContain('The latest good backup is');
    }
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);

    const restoreCommand = (await holdfast('--data', data, 'info')).stderr.split('\n').find((line) => line.startsWith('    holdfast '));
    const argv = restoreCommand?.trim().split(' ').slice(1) ?? [];
    const restored = await holdfast(...argv);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/The damaged store was moved aside to .*holdfast\.db\.damaged-/);
    const list = JSON.parse((await holdfast('--data', data, '--json', 'runbooks', 'list')).stdout) as { items: unknown[] };
    expect(list.items).toHaveLength(40);
    const aside = fs.readdirSync(data).find((name) => /^holdfast\.db\.damaged-[^-]+.*Z$/.test(name)) ?? '';
    expect(fs.readFileSync(path.join(data, aside)).equals(damaged)).toBe(true);
    expect((await holdfast('--data', data, 'check')).status).toBe(0);
  });

  it('says when there is no good backup to restore', async () => {
    const data = tempDir();
    const runbooks = tempDir();
    writeFiles(runbooks, Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`r${i}.md`, `# Runbook ${i}\n\n${'text '.repeat(400)}\n`])));
    await holdfast('--data', data, 'runbooks', 'import', runbooks);
    damageStore(path.join(data, 'holdfast.db'), 'header');
    const result = await holdfast('--data', data, 'runbooks', 'list');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`There is no good backup in ${path.join(data, 'backups')}.`);
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
