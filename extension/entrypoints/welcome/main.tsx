import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WelcomeApp } from '../../options/WelcomeApp';
import '../../ui/panel.css';

const root = document.getElementById('root');
if (!root) throw new Error('Welcome page has no #root element');
createRoot(root).render(
  <StrictMode>
    <WelcomeApp />
  </StrictMode>,
);
