import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '../../options/OptionsApp';
import '../../ui/panel.css';

const root = document.getElementById('root');
if (!root) throw new Error('Options page has no #root element');
createRoot(root).render(
  <StrictMode>
    <OptionsApp />
  </StrictMode>,
);
