/** The listen bar's icons: decorative (aria-hidden), every button says its name in text too. */
const PATHS = {
  speaker: 'M3 8h3l4-3.5v11L6 12H3z M13 7.5a3.5 3.5 0 0 1 0 5 M15.5 5a7 7 0 0 1 0 10',
  play: 'M6 4.5v11l9-5.5z',
  pause: 'M6 4.5v11 M14 4.5v11',
  previous: 'M5 4.5v11 M15 4.5v11l-8-5.5z',
  next: 'M15 4.5v11 M5 4.5v11l8-5.5z',
  stop: 'M5.5 5.5l9 9 M14.5 5.5l-9 9',
} as const;

export type ListenIconName = keyof typeof PATHS;

export function ListenIcon({ name, small = false }: { name: ListenIconName; small?: boolean }) {
  const filled = name === 'play' || name === 'previous' || name === 'next';
  return (
    <svg
      aria-hidden
      viewBox="0 0 20 20"
      className={`${small ? 'h-4 w-4' : 'h-5 w-5'} shrink-0`}
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={name === 'pause' ? 2.5 : 1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
