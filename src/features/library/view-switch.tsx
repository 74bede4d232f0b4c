import { Link } from '../../lib/router';

/** Stories or threads: two links (the URL holds the view), the current one marked. */
export function ViewSwitch({
  hrefs,
  threads,
}: {
  hrefs: { stories: string; threads: string };
  threads: boolean;
}) {
  const item = (href: string, label: string, current: boolean) => (
    <Link
      to={href}
      aria-current={current ? 'page' : undefined}
      className={`rounded-md px-3 py-1.5 ${
        current
          ? 'bg-ink text-paper dark:bg-night-ink dark:text-night'
          : 'hover:bg-black/5 dark:hover:bg-white/10'
      }`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Library view" className="flex gap-1 font-sans text-sm">
      {item(hrefs.stories, 'Stories', !threads)}
      {item(hrefs.threads, 'Threads', threads)}
    </nav>
  );
}
