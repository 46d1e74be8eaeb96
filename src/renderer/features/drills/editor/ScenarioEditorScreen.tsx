import { useEffect, useState } from 'react';
import type { DrillScenario } from '../../../../shared/drills';
import { api } from '../../../api/client';
import { routeHref } from '../../../app/route';
import { ScenarioEditor } from './ScenarioEditor';

type Loaded = { state: 'loading' } | { state: 'ready'; scenario: DrillScenario | null } | { state: 'failed'; message: string };

/** `#/drills/new` and `#/drills/scenarios/:id/edit`: finds the scenario, then shows the editor. */
export function ScenarioEditorScreen({ id }: { id: number | null }) {
  const [loaded, setLoaded] = useState<Loaded>(id === null ? { state: 'ready', scenario: null } : { state: 'loading' });

  useEffect(() => {
    if (id === null) return;
    let current = true;
    void api.listDrillScenarios({}).then((result) => {
      if (!current) return;
      if (!result.ok) return setLoaded({ state: 'failed', message: result.error.message });
      const scenario = result.value.find((candidate) => candidate.id === id);
      setLoaded(scenario ? { state: 'ready', scenario } : { state: 'failed', message: `There is no drill scenario ${id}.` });
    });
    return () => {
      current = false;
    };
  }, [id]);

  if (loaded.state === 'failed') {
    return (
      <div className="not-found">
        <h1>Cannot edit this scenario</h1>
        <p>{loaded.message}</p>
        <a href={routeHref({ screen: 'drills' })}>Go to the drills</a>
      </div>
    );
  }
  if (loaded.state === 'loading') return <p className="muted drills-screen">Loading scenario…</p>;
  return <ScenarioEditor scenario={loaded.scenario} />;
}
