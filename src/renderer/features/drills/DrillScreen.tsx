import type { Route } from '../../app/route';
import { DrillRunScreen } from './console/DrillRunScreen';
import './drills.css';
import { ScenarioEditorScreen } from './editor/ScenarioEditorScreen';
import { DrillLibraryScreen } from './library/DrillLibraryScreen';
import { TrendsScreen } from './trends/TrendsScreen';

type DrillRoute = Extract<Route, { screen: 'drills' | 'new-drill-scenario' | 'edit-drill-scenario' | 'drill-trends' | 'drill-run' }>;

/** The drill screens: the scenario library, the scenario editor, a run (console, then scorecard) and a scenario's trends. */
export function DrillScreen({ route }: { route: DrillRoute }) {
  switch (route.screen) {
    case 'drills':
      return <DrillLibraryScreen />;
    case 'new-drill-scenario':
      return <ScenarioEditorScreen key="new" id={null} />;
    case 'edit-drill-scenario':
      return <ScenarioEditorScreen key={route.id} id={route.id} />;
    case 'drill-trends':
      return <TrendsScreen key={route.id} scenarioId={route.id} />;
    case 'drill-run':
      return <DrillRunScreen key={route.id} id={route.id} />;
  }
}
