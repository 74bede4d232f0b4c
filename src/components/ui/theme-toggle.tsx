import { useTheme } from '../../lib/theme';

const LABEL = { system: 'System theme', light: 'Light theme', dark: 'Dark theme' } as const;
const ICON = { system: '◐', light: '☀', dark: '☾' } as const;

/** Cycles system → light → dark; the label names the current choice. */
export function ThemeToggle() {
  const { preference, cycle } = useTheme();
  return (
    <button
      type="button"
      onClick={cycle}
      className="rounded-md px-2 py-1 text-sm text-ink/75 hover:bg-black/5 dark:text-night-ink/80 dark:hover:bg-white/10"
      aria-label={`${LABEL[preference]} (change theme)`}
      title={`${LABEL[preference]}: click to change`}
    >
      <span aria-hidden>{ICON[preference]}</span>
      <span className="ml-1 hidden sm:inline">
        {preference === 'system' ? 'Auto' : preference === 'light' ? 'Light' : 'Dark'}
      </span>
    </button>
  );
}
