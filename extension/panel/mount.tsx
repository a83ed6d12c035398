import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ReactNode } from 'react';
import { App, type PanelSurface } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import './panel.css';

/** Renders the panel app into `#root`. */
export function mountPanelApp(surface: PanelSurface, app?: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('Panel page has no #root element');
  document.documentElement.lang = navigator.language.startsWith('zh') ? 'zh-CN' : 'en';
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>{app ?? <App surface={surface} />}</ErrorBoundary>
    </StrictMode>,
  );
}

/** Which site framed this panel, from its URL (`panel.html?site=gmail`). */
export function surfaceFromLocation(search: string): PanelSurface {
  const site = new URLSearchParams(search).get('site');
  return site === 'gmail' || site === 'hubspot' ? site : 'sidepanel';
}
