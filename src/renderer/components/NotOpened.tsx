/**
 * A screen whose record has not arrived yet ("Loading drill 4…") or could not be
 * opened (why, in words), with the way back to its list.
 */
export function NotOpened(props: { className: string; noun: string; id: number; problem: string | null | undefined; back: { href: string; label: string } }) {
  return (
    <div className={props.className}>
      {props.problem ? (
        <>
          <h1>
            {props.noun} {props.id} could not be opened
          </h1>
          <p>{props.problem}</p>
        </>
      ) : (
        <p className="muted">
          Loading {props.noun.toLowerCase()} {props.id}…
        </p>
      )}
      <a href={props.back.href}>{props.back.label}</a>
    </div>
  );
}
