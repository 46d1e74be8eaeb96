import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from './api/queries';
import { App } from './app/App';
import { applyTheme, watchSystemContrast } from './app/theme';
import './app/styles.css';
// The runbook and on-call styles live beside their features; they load right after the app's own, before the other
// features' sheets (incidents, drills, post-mortems build on the runbook steps and Markdown styles).
import './features/runbooks/runbooks.css';
import './features/oncall/oncall.css';

applyTheme();
watchSystemContrast();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
