import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadAbout } from './about.ts';
import { applyPreferences, loadPreferences } from './accessibility/preferences.ts';
import { App } from './App.tsx';
import { applyDocumentLang } from './i18n/language.ts';
import { startAppUpdates } from './offline/app-update.ts';
import { startOffline } from './offline/offline-store.ts';
import { loadPortalSettings } from './portal/settings.ts';
import { loadSession } from './session.ts';
import './styles.css';

// Display choices of the accessibility toolbar apply before the first paint.
applyPreferences(loadPreferences(), document.documentElement);
applyDocumentLang();
loadPortalSettings();
void loadSession();
loadAbout();
// The phone's queue and the app shell for working without a network (docs/offline.md).
startOffline();
startAppUpdates();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
