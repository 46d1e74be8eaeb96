#!/usr/bin/env node
/**
 * Fails (exit 1) unless every Electronegativity finding in the SARIF file is
 * justified in security/electronegativity-justifications.json, and every
 * justification still matches a finding. Run scripts/electronegativity.mjs first.
 *
 * Usage: node scripts/check-electronegativity.mjs [SARIF_FILE]
 */
import fs from 'node:fs';
import path from 'node:path';
import { judge } from './electronegativity-judge.mjs';

const root = path.resolve(import.meta.dirname, '..');
const sarifFile = path.resolve(root, process.argv[2] ?? 'test-results/electronegativity.sarif');
const justificationsFile = path.join(root, 'security', 'electronegativity-justifications.json');

const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8'));
const verdict = judge(sarif, JSON.parse(fs.readFileSync(justificationsFile, 'utf8')));
const where = (finding) => `${finding.file}${finding.line ? `:${finding.line}` : ''}`;

for (const finding of verdict.justified) console.log(`justified  ${finding.check}  ${where(finding)}`);
for (const finding of verdict.unjustified) {
  console.error(`FINDING    ${finding.check} (${finding.level})  ${where(finding)}: ${finding.message}`);
}
for (const entry of verdict.stale) console.error(`STALE      ${entry.check}  ${entry.file}: no such finding any more; remove it from ${path.relative(root, justificationsFile)}`);
for (const problem of verdict.problems) console.error(`INVALID    ${problem}`);

if (verdict.ok) {
  console.log(`Electronegativity: ${verdict.findings} findings, every one justified in ${path.relative(root, justificationsFile)}.`);
} else {
  console.error(
    `Electronegativity: ${verdict.unjustified.length} finding(s) neither fixed nor justified. Fix them, or add {check, file, reason} to ${path.relative(root, justificationsFile)}.`,
  );
  process.exitCode = 1;
}
