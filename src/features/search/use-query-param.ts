import { useEffect, useState } from 'react';
import { useSearchParams } from '../../lib/router';

/**
 * The results page's search box bound to `?q=`: typing is instant locally and written to the URL
 * (replace, debounced), so the address stays shareable without flooding history; Back/Forward or
 * a link to another `?q=` reset the box.
 */
export function useQueryParam(delay = 300) {
  const [params, setParams] = useSearchParams();
  const urlQ = params.get('q') ?? '';
  const [text, setText] = useState(urlQ);
  const [seen, setSeen] = useState(urlQ);
  if (urlQ !== seen) {
    // The URL changed under us (history, a link): it wins.
    setSeen(urlQ);
    setText(urlQ);
  }
  useEffect(() => {
    if (text === urlQ) return;
    const t = setTimeout(() => {
      setSeen(text);
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (text) next.set('q', text);
          else next.delete('q');
          return next;
        },
        { replace: true, preventScrollReset: true },
      );
    }, delay);
    return () => clearTimeout(t);
  }, [text, urlQ, setParams, delay]);
  return { text, setText, urlQuery: urlQ };
}
