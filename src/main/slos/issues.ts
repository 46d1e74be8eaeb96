import type { z } from 'zod';

/**
 * zod's issues as a person reads them: where (a path such as
 * `spec.objectives[0].target`) and what is wrong, in words, never
 * "Invalid input: expected string, received undefined".
 */

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
};

export function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined$/.test(issue.message) ? 'is required' : `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${JSON.stringify(issue.values[0])}` : `must be one of ${issue.values.map((value) => String(value)).join(', ')}`;
    case 'invalid_union':
      return 'is not any of the forms allowed here';
    default:
      return issue.message;
  }
}

/** `spec.objectives[0].target`; keys with dots or slashes are quoted: `metadata.annotations["holdfast.dev/objective"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(String(key))) out += `${out ? '.' : ''}${String(key)}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}
