import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadAbout } from './about.ts';
import { App } from './App.tsx';
import { applyDocumentLang } from './i18n/language.ts';
import { loadSession } from './session.ts';
import './styles.css';

applyDocumentLang();
void loadSession();
loadAbout();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
