import { useTheme } from '../../lib/theme';

/** What the button shows (from `sm` up); its accessible name starts with the same word. */
const WORD = { system: 'Auto', light: 'Light', dark: 'Dark' } as const;
const ICON = { system: '◐', light: '☀', dark: '☾' } as const;

/**
 * Cycles system → light → dark; the label names the current choice. Its accessible name starts
 * with the visible word (WCAG 2.5.3: a voice-control user says "click Auto").
 */
export function ThemeToggle() {
  const { preference, cycle } = useTheme();
  return (
    <button
      type="button"
      onClick={cycle}
      className="rounded-md px-2 py-1 text-sm text-ink/75 hover:bg-black/5 dark:text-night-ink/80 dark:hover:bg-white/10"
      aria-label={`${WORD[preference]} theme (change theme)`}
      title={`${WORD[preference]} theme${preference === 'system' ? ' (as the system)' : ''}: click to change`}
    >
      <span aria-hidden>{ICON[preference]}</span>
      <span className="ml-1 hidden sm:inline">{WORD[preference]}</span>
    </button>
  );
}
