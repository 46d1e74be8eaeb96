/**
 * How long a text field's content may be, said where the user is typing. A
 * field never cuts what is pasted into it (`maxLength` would, silently): near
 * the limit it counts, over it it says by how much and the form refuses to
 * send, with the text still in the field to shorten or split.
 */

/** Whether `text` is over `max` characters, and what to say about it (null far from the limit). */
export function textLength(text: string, max: number, what: string): { over: boolean; message: string | null } {
  const length = text.length;
  if (length > max) {
    return {
      over: true,
      message: `Too long: ${count(length)} characters; ${what} holds at most ${count(max)}. Shorten it or split it in parts — nothing was cut.`,
    };
  }
  return { over: false, message: length >= max * 0.9 ? `${count(length)} of ${count(max)} characters` : null };
}

/** The count or refusal under a field; `id` is for the field's `aria-describedby`. */
export function LengthHint({ id, text, max, what }: { id: string; text: string; max: number; what: string }) {
  const { over, message } = textLength(text, max, what);
  if (message === null) return null;
  return (
    <p id={id} className={over ? 'field-error length-hint' : 'field-hint length-hint'} role={over ? 'alert' : undefined}>
      {message}
    </p>
  );
}

const count = (value: number): string => value.toLocaleString('en');
