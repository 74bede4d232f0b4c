/**
 * The listen bar's icons: decorative (aria-hidden), every button says its name in text too.
 *
 * Drawn as a CSS mask over `currentColor`, not as inline `<svg>` elements: the bar sits in the
 * story's `<article>`, where the hostile-folder journeys treat any element the text could not
 * have made (an `svg` among them) as injected markup. A data: URL is allowed by the CSP
 * (`img-src 'self' data:`).
 */
const PATHS = {
  speaker: 'M3 8h3l4-3.5v11L6 12H3z M13 7.5a3.5 3.5 0 0 1 0 5 M15.5 5a7 7 0 0 1 0 10',
  play: 'M6 4.5v11l9-5.5z',
  pause: 'M6 4.5v11 M14 4.5v11',
  previous: 'M5 4.5v11 M15 4.5v11l-8-5.5z',
  next: 'M15 4.5v11 M5 4.5v11l8-5.5z',
  stop: 'M5.5 5.5l9 9 M14.5 5.5l-9 9',
} as const;

export type ListenIconName = keyof typeof PATHS;

const FILLED: ReadonlySet<ListenIconName> = new Set(['play', 'previous', 'next']);

function maskOf(name: ListenIconName): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20" fill="${FILLED.has(name) ? '#000' : 'none'}" ` +
    `stroke="#000" stroke-width="${name === 'pause' ? 2.5 : 1.6}" stroke-linecap="round" ` +
    `stroke-linejoin="round"><path d="${PATHS[name]}"/></svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}") center / contain no-repeat`;
}

const MASKS = Object.fromEntries(
  (Object.keys(PATHS) as ListenIconName[]).map((n) => [n, maskOf(n)]),
) as Record<ListenIconName, string>;

export function ListenIcon({ name, small = false }: { name: ListenIconName; small?: boolean }) {
  return (
    <span
      aria-hidden
      className={`${small ? 'h-4 w-4' : 'h-5 w-5'} inline-block shrink-0 bg-current forced-colors:bg-[CanvasText]`}
      style={{ mask: MASKS[name], WebkitMask: MASKS[name] }}
    />
  );
}
