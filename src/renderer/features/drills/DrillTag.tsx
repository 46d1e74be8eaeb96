import './drills.css';

/**
 * A drill incident's title without the "DRILL:" the core puts in front (for the
 * CLI and exports), for screens that show the DRILL tag beside it instead.
 */
export const drillTitle = (incident: { title: string; drill: boolean }): string => (incident.drill ? incident.title.replace(/^DRILL:\s*/, '') : incident.title);

/** "DRILL" beside a drill incident wherever it is listed or named, so nobody takes an exercise for an outage. */
export function DrillTag() {
  return (
    <span className="drill-tag" title="A drill: an exercise, not a real incident">
      Drill
    </span>
  );
}
