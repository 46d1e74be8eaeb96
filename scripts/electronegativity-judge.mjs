/**
 * Judges Electronegativity's SARIF against the repository's justifications
 * (security/electronegativity-justifications.json): every finding must be fixed
 * (absent) or justified by check and file with a reason, and every justification
 * must still match a finding, so a fixed one is removed rather than left to
 * excuse a future finding.
 */

/** Where a SARIF result is: the file relative to the repository, and its line. */
function placeOf(result, scannedDir) {
  const location = result.locations?.[0]?.physicalLocation;
  const uri = location?.artifactLocation?.uri ?? '';
  const file = uri === '' || uri === 'N/A' || uri.startsWith('file:') ? '(the whole app)' : `${scannedDir}/${uri.replace(/^\.\//, '')}`;
  return { file, line: location?.region?.startLine ?? 0 };
}

/**
 * @param {object} sarif Electronegativity's SARIF log
 * @param {{ justified: { check: string, file: string, reason: string }[] }} justifications
 * @param {string} scannedDir the folder it scanned, relative to the repository (its URIs are relative to it)
 */
export function judge(sarif, justifications, scannedDir = 'src') {
  const entries = justifications.justified ?? [];
  const problems = [];
  for (const entry of entries) {
    if (!entry.check || !entry.file || !entry.reason || entry.reason.trim().length < 20) {
      problems.push(`a justification needs a check, a file and a reason of a sentence or more: ${JSON.stringify(entry)}`);
    }
  }
  const used = new Set();
  const findings = (sarif.runs ?? []).flatMap((run) => run.results ?? []);
  const unjustified = [];
  const justified = [];
  for (const result of findings) {
    const { file, line } = placeOf(result, scannedDir);
    const finding = { check: result.ruleId, file, line, level: result.level ?? 'warning', message: result.message?.text ?? '' };
    const index = entries.findIndex((entry) => entry.check === finding.check && entry.file === finding.file);
    if (index === -1) unjustified.push(finding);
    else {
      used.add(index);
      justified.push({ ...finding, reason: entries[index].reason });
    }
  }
  const stale = entries.filter((_entry, index) => !used.has(index));
  return { findings: findings.length, justified, unjustified, stale, problems, ok: unjustified.length === 0 && stale.length === 0 && problems.length === 0 };
}
