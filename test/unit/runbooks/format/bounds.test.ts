import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMarkdownBounds, MARKDOWN_BOUNDS } from '../../../../src/main/runbooks/format/bounds';
import { corpusDir, skipWithoutCorpus } from '../../../fixtures/corpus';

const MB = 1024 * 1024;
const refusal = (text: string): string => {
  try {
    checkMarkdownBounds(text);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
};
/** Repeats a unit up to about `bytes`. */
const fill = (unit: string, bytes = MB) => unit.repeat(Math.ceil(bytes / unit.length));

describe('Markdown the parser cannot read in reasonable time', () => {
  it('is refused with the line, how deep or how many, and the limit, for 1 MB (its time is a bench figure)', () => {
    const cases: [string, RegExp][] = [
      [`# Deep\n\n${'>'.repeat(MB)} x\n`, /^Line 3 nests block quotes 1,048,576 deep; at most 16 are allowed\./],
      [fill('> '), /^Line 1 nests block quotes 524,288 deep; at most 16 are allowed\./],
      [`${'- '.repeat(MB / 2)}x\n`, /^Line 1 nests lists 524,288 deep; at most 16 are allowed\./],
      [`${'1. '.repeat(MB / 3)}x\n`, /^Line 1 nests lists 349,525 deep/],
      [`text\n${Array.from({ length: 40 }, (_, i) => `${' '.repeat(i * 2)}- level ${i}`).join('\n')}\n`, /^Line 34 indents a list item 64 columns/],
      [`*${'*'.repeat(MB)}a`, /^Line 1 has 1,048,577 “\*” in a row; at most 256 are allowed\./],
      [fill('['), /^Line 1 has 1,048,576 “\[” in a row/],
      [fill('*a'), /^Line 1 holds 524,288 emphasis and link marks \(\* _ \[ \]\) in one paragraph; at most 10,000 are allowed\./],
      [`intro\n\n${fill('[a](\n', MB / 2)}`, /^Lines 3–\d+ hold [\d,]+ emphasis and link marks/],
    ];
    for (const [text, expected] of cases) {
      expect(refusal(text)).toMatch(expected);
    }
  });

  it('lets through what runbooks write: rules, nesting a few levels deep, snake_case names, code', () => {
    const ordinary = [
      '* * * * * * * * * * * * * * * * * * * *\n',
      '- - - - - - - - - - - - - - - - - - - -\n',
      `${'_'.repeat(80)}\n`,
      '> > quoted twice\n> > - with a list\n>   - and a nested one\n',
      `${Array.from({ length: 8 }, (_, i) => `${' '.repeat(i * 2)}- level ${i}`).join('\n')}\n`,
      `${Array.from({ length: 3000 }, (_, i) => `| metric_name_${i}_total | node_cpu_seconds_total |`).join('\n')}\n`,
      `\`\`\`yaml\n${' '.repeat(80)}- deep: in a code block\n${'*'.repeat(20000)}\n\`\`\`\n`,
      `<<<<<<< HEAD\n${'-'.repeat(300)}\n`,
    ];
    for (const text of ordinary) expect(refusal(text), text.slice(0, 60)).toBe('');
    expect(MARKDOWN_BOUNDS.quoteDepth).toBeGreaterThanOrEqual(10);
  });

  it.skipIf(skipWithoutCorpus)('lets every runbook of the prometheus-operator corpus through', () => {
    for (const relative of fs.readdirSync(corpusDir(), { recursive: true, encoding: 'utf8' })) {
      if (relative.endsWith('.md')) expect(refusal(fs.readFileSync(path.join(corpusDir(), relative), 'utf8')), relative).toBe('');
    }
  });
});
