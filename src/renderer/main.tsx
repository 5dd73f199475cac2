import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { takeTokenFromUrl } from './api/access-token';
import { startHashRouting } from './store/hash-routing';
import { startShellLoads } from './store/loaders';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/filters.css';
import './styles/cards.css';
import './styles/screens.css';
import './styles/sync.css';
import './styles/tables.css';
import './styles/charts.css';

// The token must leave the fragment before the router reads the fragment as a route.
takeTokenFromUrl();
startHashRouting();
startShellLoads();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
