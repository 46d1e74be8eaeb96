import { NameForm } from './NameForm';
import { SeverityForm } from './SeverityForm';
import { TemplatesForm } from './TemplatesForm';
import './settings.css';

/** `#/settings`: who you are on the timeline, what each severity means, and the status update templates. */
export function SettingsScreen() {
  return (
    <div className="settings-screen">
      <h1>Settings</h1>
      <p className="muted">Kept in the data file, so the desktop app, the command line and every browser console share them.</p>
      <NameForm />
      <SeverityForm />
      <TemplatesForm />
    </div>
  );
}
