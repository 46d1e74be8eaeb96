/**
 * How long Holdfast takes to refuse 1 MB of Markdown the parser could not read in
 * reasonable time (deep nesting, long runs of marks): the bound check must answer
 * well under a second, before any parse (registered in run.ts's table).
 */
import { checkMarkdownBounds } from '../../src/main/runbooks/format/bounds';
import { timed } from '../stats';

const MB = 1024 * 1024;

/** Pathological texts of about 1 MB, each refused by one bound. */
const PATHOLOGICAL = [
  `# Deep\n\n${'>'.repeat(MB)} x\n`,
  `${'- '.repeat(MB / 2)}x\n`,
  `${'1. '.repeat(MB / 3)}x\n`,
  `*${'*'.repeat(MB)}a`,
  '['.repeat(MB),
  '*a'.repeat(MB / 2),
  `intro\n\n${'[a](\n'.repeat(MB / 8)}`,
];

/** The milliseconds each refusal took; throws if a text was let through. */
export async function measureMarkdownRefusals(): Promise<number[]> {
  const times: number[] = [];
  for (const text of PATHOLOGICAL) {
    const { ms, value: refused } = await timed(() => {
      try {
        checkMarkdownBounds(text);
        return false;
      } catch {
        return true;
      }
    });
    if (!refused) throw new Error(`A pathological text of ${text.length} characters was not refused`);
    times.push(ms);
  }
  return times;
}
