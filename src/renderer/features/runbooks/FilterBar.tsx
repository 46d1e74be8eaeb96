import type { Facet } from '../../../shared/runbooks';
import { useLibraryData } from './queries';
import { setFilter, useLibrary } from './store';

/** Narrows the library: by service, tag and group (with counts), to what needs review, or to the archive. */
export function FilterBar() {
  const { list } = useLibraryData();
  const filter = useLibrary((state) => state.filter);
  if (!list) return null;
  const hasFacets = list.tags.length + list.services.length + list.groups.length > 0;
  return (
    <div className="filters">
      <div className="filter-toggles" role="group" aria-label="Show">
        <button
          type="button"
          className="toggle"
          aria-pressed={filter.needsReview === true}
          onClick={() => setFilter({ ...filter, needsReview: !filter.needsReview })}
        >
          Needs review ({list.reviewDueCount})
        </button>
        <button
          type="button"
          className="toggle"
          aria-pressed={filter.archived === true}
          onClick={() => setFilter({ ...filter, archived: !filter.archived })}
        >
          Archived
        </button>
      </div>
      {hasFacets && (
        <div className="filter-bar">
          <FacetSelect
            label="Service"
            facets={list.services}
            value={filter.service}
            onChange={(service) => setFilter({ ...filter, service })}
          />
          <FacetSelect label="Tag" facets={list.tags} value={filter.tag} onChange={(tag) => setFilter({ ...filter, tag })} />
          <FacetSelect
            label="Group"
            facets={list.groups}
            value={filter.group}
            onChange={(group) => setFilter({ ...filter, group })}
          />
        </div>
      )}
    </div>
  );
}

function FacetSelect(props: {
  label: string;
  facets: Facet[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  if (props.facets.length === 0 && props.value === undefined) return null;
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
