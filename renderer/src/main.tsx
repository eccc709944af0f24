// Tokens and shared defaults first, so every component's own CSS comes after them and wins.
import './styles/theme.css';
import './styles/base.css';
import './styles/view-layout.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ApiProvider } from './api/ApiProvider';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <ApiProvider>
      <App />
    </ApiProvider>
  </StrictMode>,
);
