import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_ROOT } from '../../fixtures/temp';

interface BuilderConfig {
  files: string[];
  extraResources: { from: string; to: string }[];
  icon: string;
  linux: { icon: string; target: string[] };
  mac: { icon: string };
  win: { icon: string };
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
}

const config = parse(fs.readFileSync(path.join(APP_ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own configuration schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(APP_ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], ajv.errorsText(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
    // And the schema really is strict: a misspelt key fails.
    expect(validate({ ...config, produtName: 'typo' })).toBe(false);
  });

  it('names icons that exist', () => {
    for (const icon of [config.icon, config.mac.icon, config.win.icon]) {
      expect(fs.existsSync(path.join(APP_ROOT, icon)), icon).toBe(true);
    }
    const linuxIcons = fs.readdirSync(path.join(APP_ROOT, config.linux.icon));
    expect(linuxIcons).toEqual(expect.arrayContaining(['256x256.png', '512x512.png']));
  });

  it('packages files that exist in the checkout, or that the build produces', () => {
    const built = ['dist/**'];
    for (const pattern of config.files.filter((file) => !file.startsWith('!') && !built.includes(file))) {
      const base = pattern.replace(/\/\*\*.*$/, '');
      expect(fs.existsSync(path.join(APP_ROOT, base)), pattern).toBe(true);
    }
    expect(config.files).toContain('dist/**');
  });

  it('ships the Electron build of better-sqlite3 that scripts/electron-native.mjs writes', () => {
    const printed = execFileSync(process.execPath, [path.join(APP_ROOT, 'scripts/electron-native.mjs'), '--print-path'], {
      encoding: 'utf8',
    }).trim();
    expect(printed).toMatch(/\.native\/electron-[\d.]+-\w+\/better_sqlite3\.node$/);
    const script = fs.readFileSync(path.join(APP_ROOT, 'scripts/electron-native.mjs'), 'utf8');
    expect(script).toContain("path.join(nativeDir, 'current', 'better_sqlite3.node')");
    expect(config.extraResources).toEqual([expect.objectContaining({ from: '.native/current', to: 'native' })]);
    expect(config.npmRebuild).toBe(false);
  });

  it('turns off the fuses a released app must not have', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The console is served from app://holdfast: file:// pages get nothing beyond what a browser gives them.
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('electron-builder.test.yml', () => {
  const testConfig = parse(fs.readFileSync(path.join(APP_ROOT, 'electron-builder.test.yml'), 'utf8')) as {
    extends: string;
    directories: { output: string };
    electronFuses: Record<string, boolean>;
  };

  it('is valid, builds on the release config, and differs from it only where Playwright needs it', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(APP_ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(testConfig)).toBe(true);
    expect(testConfig.extends).toBe('./electron-builder.yml');
    expect(testConfig.directories.output).not.toBe('release');
    expect(testConfig.electronFuses).toEqual({ ...config.electronFuses, enableNodeCliInspectArguments: true });
  });
});
