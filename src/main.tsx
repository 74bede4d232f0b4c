// First: starts the worker and asks for the manifest before React DOM (~200 KB of the entry)
// is evaluated, so both load while it is.
import './app/query-client';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/bench-hooks';
import './index.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
