import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import './panel.css';

/** Renders an extension page's app (the panel, the side panel) into `#root`. */
export function mountApp(app: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('Panel page has no #root element');
  document.documentElement.lang = navigator.language.startsWith('zh') ? 'zh-CN' : 'en';
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>{app}</ErrorBoundary>
    </StrictMode>,
  );
}
