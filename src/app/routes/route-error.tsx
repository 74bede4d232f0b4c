import { paths } from '../../config/paths';
import { Link } from '../../lib/router';

/** A route crashed: say so, keep the header, and offer a way back instead of a blank page. */
export function RouteError({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : 'Unknown error';
  return (
    <div role="alert" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="font-serif text-3xl font-semibold">Something went wrong on this page</h1>
      <p className="mt-4 text-ink/75 dark:text-night-ink/75">
        The rest of Dispatch still works. The error was:
      </p>
      <pre className="mt-3 overflow-x-auto rounded bg-black/5 p-3 text-sm whitespace-pre-wrap dark:bg-white/10">
        {message}
      </pre>
      <div className="mt-6 flex gap-4">
        <Link className="underline" to={paths.library.getHref()}>
          Back to the library
        </Link>
        <button type="button" className="underline" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    </div>
  );
}
