// First: starts the worker and asks for the manifest before React DOM (~200 KB of the entry)
// is evaluated, so both load while it is.
import './app/query-client';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/bench-hooks';
import './index.css';

// In a transition: the first render is time-sliced (React yields every ~5 ms) instead of one
// 60–75 ms task (traced on BBC cold visits); only its commit is one piece.
const root = createRoot(document.getElementById('root')!);
startTransition(() =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
