import { parseTextDirective, type TextDirective } from '../../corpus/notebook/text-fragment';

let opened: { pathname: string; directive: TextDirective } | null | undefined;

/**
 * The text directive (`#p3:~:text=…`) the page was opened with, while its story is shown.
 * Browsers strip it from `location` (Chromium keeps it only in the navigation entry), and an app
 * that renders its text after load cannot count on the browser to find it: the reader marks the
 * words itself. Pure to call again (React may render a component twice before it commits).
 */
export function linkedQuote(): TextDirective | null {
  if (opened === undefined) opened = read();
  return opened && opened.pathname === window.location.pathname ? opened.directive : null;
}

function read(): { pathname: string; directive: TextDirective } | null {
  if (typeof performance === 'undefined') return null;
  const url = performance.getEntriesByType('navigation')[0]?.name ?? '';
  const at = url.indexOf('#');
  const directive = at < 0 ? null : parseTextDirective(url.slice(at));
  return directive ? { pathname: new URL(url.slice(0, at)).pathname, directive } : null;
}
