import type { Facet } from '../../../shared/runbooks';
import { useRunbooks } from './store';

/** Tag and service filters, with how many runbooks each would show. */
export function FilterBar() {
  const list = useRunbooks((state) => state.list);
  const filter = useRunbooks((state) => state.filter);
  const setFilter = useRunbooks((state) => state.setFilter);
  if (!list || (list.tags.length === 0 && list.services.length === 0)) return null;
  return (
    <div className="filter-bar">
      <FacetSelect
        label="Service"
        facets={list.services}
        value={filter.service}
        onChange={(service) => void setFilter({ ...filter, service })}
      />
      <FacetSelect label="Tag" facets={list.tags} value={filter.tag} onChange={(tag) => void setFilter({ ...filter, tag })} />
    </div>
  );
}

function FacetSelect(props: {
  label: string;
  facets: Facet[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  if (props.facets.length === 0) return null;
  return (
    <label className="facet">
      <span>{props.label}</span>
      <select value={props.value ?? ''} onChange={(event) => props.onChange(event.target.value || undefined)}>
        <option value="">All</option>
        {props.facets.map((facet) => (
          <option key={facet.name} value={facet.name}>
            {facet.name} ({facet.count})
          </option>
        ))}
      </select>
    </label>
  );
}
