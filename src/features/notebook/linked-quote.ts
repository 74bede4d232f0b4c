import { parseTextDirective, type TextDirective } from '../../corpus/notebook/text-fragment';

let consumed = false;

/**
 * The text directive (`#p3:~:text=…`) the page was opened with, once. Browsers strip it from
 * `location` (Chromium keeps it only in the navigation entry), and an app that renders its text
 * after load cannot count on the browser to find it: the reader marks the words itself.
 */
export function takeLinkedQuote(): TextDirective | null {
  if (consumed || typeof performance === 'undefined') return null;
  consumed = true;
  const entry = performance.getEntriesByType('navigation')[0];
  const url = entry?.name ?? '';
  const at = url.indexOf('#');
  if (at < 0) return null;
  // Only for the page it was opened on (the entry outlives in-app navigation).
  const opened = new URL(url.slice(0, at));
  if (opened.pathname !== window.location.pathname) return null;
  return parseTextDirective(url.slice(at));
}
