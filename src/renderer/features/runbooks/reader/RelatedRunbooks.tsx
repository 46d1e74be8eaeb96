import { routeHref } from '../../../app/route';
import { RunbookLabels } from '../RunbookLabels';
import { useRelatedRunbooks } from '../queries';

/** Runbooks that share a service or tag with the open one: where to look next. */
export function RelatedRunbooks({ runbookId }: { runbookId: number }) {
  const related = useRelatedRunbooks(runbookId);
  if (related.length === 0) return null;
  return (
    <nav className="related" aria-labelledby="related-heading">
      <h2 id="related-heading">Related runbooks</h2>
      <ul>
        {related.map((item) => (
          <li key={item.id}>
            <a href={routeHref({ screen: 'runbook', id: item.id })}>{item.title}</a>
            <RunbookLabels services={item.services} tags={item.tags} />
          </li>
        ))}
      </ul>
    </nav>
  );
}
