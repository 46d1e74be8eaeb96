import type { FieldControl } from '../../../components/Field';

/** A number of minutes, typed as text so a half-typed "1." is kept (draft.ts reads it). */
export function MinutesInput(props: FieldControl & { name: string; value: string; onChange: (value: string) => void }) {
  const { onChange, ...rest } = props;
  return <input {...rest} className="text-input minutes-input" type="text" inputMode="decimal" autoComplete="off" onChange={(event) => onChange(event.target.value)} />;
}
