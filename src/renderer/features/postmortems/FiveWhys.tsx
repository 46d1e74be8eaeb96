import { useId, useState } from 'react';

const PROMPTS = ['Why did it happen?', 'Why?', 'Why?', 'Why?', 'Why?'];
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

/** The answers already in the section's first numbered list (the template's prompts count as empty). */
function answersIn(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => NUMBERED.test(line));
  const answers: string[] = [];
  if (start === -1) return ['', '', '', '', ''];
  for (let at = start; at < lines.length && answers.length < 5; at++) {
    const match = NUMBERED.exec(lines[at] ?? '');
    if (!match) break;
    const answer = (match[1] ?? '').trim();
    answers.push(/^why( did it happen)?\?$/i.test(answer) ? '' : answer);
  }
  while (answers.length < 5) answers.push('');
  return answers;
}

/**
 * Writes the answers as a numbered list into the section's text: in place of its
 * first numbered list (the template's five prompts), or at the end if it has none.
 */
export function withFiveWhys(text: string, answers: string[]): string {
  const list = answers
    .map((answer) => answer.trim().replace(/\s+/g, ' '))
    .filter((answer) => answer !== '')
    .map((answer, index) => `${index + 1}. ${answer}`);
  if (list.length === 0) return text;
  const lines = text.split('\n');
  const start = lines.findIndex((line) => NUMBERED.test(line));
  if (start === -1) return `${text.replace(/\s+$/, '')}${text.trim() ? '\n\n' : ''}${list.join('\n')}\n`;
  let end = start;
  while (end < lines.length && NUMBERED.test(lines[end] ?? '')) end++;
  return [...lines.slice(0, start), ...list, ...lines.slice(end)].join('\n');
}

/** Five labelled answers, each asking why the one before happened; they become the section's numbered list. */
export function FiveWhys({ text, onWrite }: { text: string; onWrite: (text: string) => void }) {
  const [answers, setAnswers] = useState(() => answersIn(text));
  const id = useId();
  const filled = answers.some((answer) => answer.trim() !== '');
  return (
    <fieldset className="five-whys">
      <legend>Five whys</legend>
      <p className="field-hint" id={`${id}-hint`}>
        Start from what happened and ask “why?” of each answer until you reach something worth changing. The answers
        replace the section’s numbered list.
      </p>
      <ol className="five-whys-list">
        {PROMPTS.map((prompt, index) => (
          <li key={index} className="five-whys-row">
            <label htmlFor={`${id}-${index}`} className="field-label">
              {index === 0 ? `Why 1: ${prompt}` : `Why ${index + 1}: why did that happen?`}
            </label>
            <input
              id={`${id}-${index}`}
              className="text-input"
              value={answers[index] ?? ''}
              aria-describedby={index === 0 ? `${id}-hint` : undefined}
              onChange={(event) => setAnswers(answers.map((answer, at) => (at === index ? event.target.value : answer)))}
            />
          </li>
        ))}
      </ol>
      <button type="button" disabled={!filled} onClick={() => onWrite(withFiveWhys(text, answers))}>
        Write the answers into the section
      </button>
    </fieldset>
  );
}
