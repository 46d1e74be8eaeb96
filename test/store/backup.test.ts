import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/program';
import { APP_ROOT, tempDir, writeFiles } from '../fixtures/temp';

async function holdfast(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, isTty: false }, APP_ROOT);
  return { status, stdout, stderr };
}

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

  it('check exits 1 with a clear message on a damaged store, and leaves the file alone', async () => {
    const data = tempDir();
    const runbooks = tempDir();
    writeFiles(runbooks, Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`r${i}.md`, `# Runbook ${i}\n\n${'text '.repeat(400)}\n`])));
    await holdfast('--data', data, 'runbooks', 'import', runbooks);
    const file = path.join(data, 'holdfast.db');
    const bytes = fs.readFileSync(file);
    // Overwrite a stretch in the middle of the file with garbage: pages now fail their checks.
    bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 8192);
    fs.writeFileSync(file, bytes);
    const damaged = Buffer.from(bytes);

    const check = await holdfast('--data', data, 'check');
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/^holdfast: .*holdfast\.db is damaged: .*Restore a backup with: holdfast backup restore FILE\n$/);
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);

    const refused = await holdfast('--data', tempDir(), 'backup', 'restore', file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/is not a sound Holdfast backup/);
  });
});
