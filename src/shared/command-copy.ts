/**
 * What a Copy button puts on the clipboard for a command or code block: the text
 * a shell will run, while the page keeps showing it as written.
 *
 * Runbooks often show a terminal session rather than a script:
 *
 *     $ kubectl -n monitoring get pods
 *     NAME                 READY
 *     prometheus-k8s-0     2/2
 *
 * Pasting that runs `$` and `NAME`. So when a block has prompts, only its commands
 * are copied, without the prompts:
 *
 * - `$ ` (user) and `PS> ` / `PS C:\dir> ` (PowerShell) start a command, wherever
 *   they are in the block; the prompt is removed.
 * - `#` is never removed. It may be a root prompt, but in a shell it begins a
 *   comment, and runbooks write both (`# TODO: command needed`): a line starting
 *   with `#` is kept as written, so pasted it does nothing, where a note turned
 *   into a command would run.
 * - A command goes on over the lines after one ending in `\`, and through the
 *   body of a here-document (`<<EOF` … `EOF`); a `> ` continuation prompt there is
 *   removed. Indentation after the prompt is kept.
 * - Every other line of such a block is the command's output and is left out.
 *
 * A block with no prompt at all (a script, a YAML fragment) is copied exactly as
 * written, indentation included.
 */
export function commandToCopy(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (!lines.some((line) => PROMPT.test(line))) return text;

  const copied: string[] = [];
  let continues = false;
  let hereDocument: { end: string; dashed: boolean } | null = null;
  for (const line of lines) {
    if (hereDocument) {
      const body = line.replace(CONTINUATION_PROMPT, '');
      copied.push(body);
      if ((hereDocument.dashed ? body.replace(/^\t+/, '') : body) === hereDocument.end) hereDocument = null;
      continue;
    }
    if (!continues && !PROMPT.test(line)) {
      if (COMMENT.test(line)) copied.push(line.trimStart());
      continue; // a comment is kept; anything else is output
    }
    const command = continues ? line.replace(CONTINUATION_PROMPT, '') : line.replace(PROMPT, '');
    continues = /\\$/.test(command);
    hereDocument = hereDocumentStart(command);
    if (command.trim() !== '' || continues) copied.push(command);
  }
  return copied.join('\n');
}

/** `$ cmd`, `$` alone, `PS> cmd`, `PS C:\Users\me> cmd`. */
const PROMPT = /^[ \t]*(?:\$(?=[ \t]|$)|PS(?: [^>\n]*)?>(?=[ \t]|$))[ \t]?/;
const CONTINUATION_PROMPT = /^[ \t]*> ?/;
const COMMENT = /^[ \t]*#/;

/** `cat <<EOF`, `<<-'END'`, `<< "X"`: the word that ends the here-document; not `<<<` (a here-string). */
function hereDocumentStart(command: string): { end: string; dashed: boolean } | null {
  const match = /(?<!<)<<(-?)[ \t]*(['"]?)([A-Za-z_][\w-]*)\2/.exec(command);
  return match ? { end: match[3] ?? '', dashed: match[1] === '-' } : null;
}
