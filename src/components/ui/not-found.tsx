import type { ReactNode } from 'react';
import { Link } from '../../lib/router';

/** A helpful not-found page: what was asked for, and ways to go on. */
export function NotFound({
  what,
  detail,
  children,
}: {
  what: string;
  detail?: string;
  children?: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16">
      <p className="text-sm font-semibold tracking-widest text-accent uppercase dark:text-accent-dark">
        Not found
      </p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">There is no such {what}</h1>
      {detail && (
        <p className="mt-4 break-all text-ink/75 dark:text-night-ink/75">
          Nothing in this folder matches{' '}
          <code className="rounded bg-black/5 px-1 dark:bg-white/10">{detail}</code>.
        </p>
      )}
      <p className="mt-2 text-ink/75 dark:text-night-ink/75">
        The link may be old, or the file may have been renamed or removed from the folder.
      </p>
      {children}
      <p className="mt-8">
        <Link className="font-medium text-accent underline dark:text-accent-dark" to="/">
          Browse the library
        </Link>
      </p>
    </div>
  );
}
