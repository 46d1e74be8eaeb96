import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueText, READABLE, READABLE_BESIDE_FIELD } from '../../../src/shared/issue-words';
import { SaveRunbookInput } from '../../../src/shared/runbooks';

const messages = (schema: z.ZodType, value: unknown): string[] => {
  const parsed = schema.safeParse(value, READABLE);
  return parsed.success ? [] : parsed.error.issues.map(issueText);
};

const Roster = z
  .object({
    teams: z.array(
      z
        .object({
          name: z.string(),
          schedules: z.array(z.object({ layers: z.array(z.string()).min(1), members: z.array(z.string()).min(2) })),
          kind: z.enum(['primary', 'secondary', 'shadow']),
          repeat: z.number().int().min(0).max(10),
          note: z.string().max(5),
          title: z.string().min(1),
        })
        .strict(),
    ),
  })
  .strict();

describe('zod’s messages in words', () => {
  it('name the field, say what is wrong and what it takes, for every common kind of issue', () => {
    expect(
      messages(Roster, {
        teams: [{ name: 3, schedules: [{ members: ['ana'] }], kind: 'tertiary', repeat: 11.5, note: 'far too long', title: '', colour: 'red' }],
      }),
    ).toEqual([
      '`teams[0].name` must be text, not 3',
      '`teams[0].schedules[0].layers` is missing: a schedule needs at least one layer',
      '`teams[0].schedules[0].members` needs at least 2 members',
      '`teams[0].kind` must be one of “primary”, “secondary” or “shadow”, not “tertiary”',
      '`teams[0].repeat` must be a whole number, not 11.5',
      '`teams[0].note` is too long: at most 5 characters (this has 12)',
      '`teams[0].title` cannot be empty',
      '`teams[0]` has a key it does not know: “colour” (misspelt?); the keys here are “name”, “schedules”, “kind”, “repeat”, “note” and “title”',
    ]);
  });

  it('never use zod’s own wording', () => {
    const said = messages(Roster, { teams: [{}], extra: true }).join('\n');
    expect(said).not.toMatch(/Invalid input|expected \w+, received|Too (big|small)|Invalid option|Unrecognized key/);
  });

  it('say how large is too large, and what a missing value should be, at the top level too', () => {
    const Note = z.object({ id: z.number().int().positive(), text: z.string().max(1_000_000), limit: z.number().max(200) }).strict();
    expect(messages(Note, { text: 'x'.repeat(1_000_001), limit: 500 })).toEqual([
      '`id` is missing: give a number here',
      '`text` is too long: at most 1,000,000 characters (this has 1,000,001)',
      '`limit` is too large: at most 200, not 500',
    ]);
    expect(messages(Note, 'hello')).toEqual(['The input must be a group of keys and values, not “hello”']);
  });

  it('leave a message the schema wrote itself, naming its field before it', () => {
    const Scenario = z.object({ title: z.string().trim().min(1, 'a scenario needs a title') }).strict();
    expect(messages(Scenario, { title: ' ' })).toEqual(['`title`: a scenario needs a title']);
  });

  it('beside the field they are about, say what is wrong without naming it again', () => {
    const parsed = SaveRunbookInput.safeParse({ metadata: { title: 'x'.repeat(301) }, body: '' }, READABLE_BESIDE_FIELD);
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['metadata.title', 'Too long: at most 300 characters (this has 301)']]);
  });
});
