import { ResponderSection } from '../responder/ResponderSection';
import { GitPathForm } from './GitPathForm';
import { NameForm } from './NameForm';
import { SeverityForm } from './SeverityForm';
import { TemplatesForm } from './TemplatesForm';
import './settings.css';

/**
 * `#/settings`: who you are on the timeline (this browser's name, the workspace's default), what each severity means,
 * the status update templates, and the git team sync runs (`section: 'git'` takes you to it).
 */
export function SettingsScreen({ section }: { section?: 'git' | undefined }) {
  return (
    <div className="settings-screen">
      <h1>Settings</h1>
      <ResponderSection />
      <p className="muted">The rest is kept in the data file, so the desktop app, the command line and every browser console share it.</p>
      <NameForm />
      <SeverityForm />
      <TemplatesForm />
      <GitPathForm focus={section === 'git'} />
    </div>
  );
}
