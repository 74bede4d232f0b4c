import type { ReactNode } from 'react';
import { ThemeToggle } from '../components/ui/theme-toggle';
import { paths } from '../config/paths';
import { Link } from '../lib/router';
import { Toaster } from '../components/ui/toast';
import { useParsedFolder } from '../data/use-parsed-folder';
import { useWorkerSync } from './use-worker-sync';
import { AnalysisStatus } from './analysis-status';
import { SearchPalette } from '../features/search/search-palette';
import { SearchTrigger } from '../features/search/search-trigger';
import { ShortcutsOverlay } from './shortcuts-overlay';

/** The frame of every page: skip link, header, the routed page, and the toast region. */
export function Layout({ children }: { children: ReactNode }) {
  // Every page keeps the folder loading and the worker fed, so search and entities are ready
  // wherever the reader starts (a deep link included). The one reader of the parsed files: the
  // views read the listing's rows (useFolderListing) and the stories they show (useStory).
  const folder = useParsedFolder();
  useWorkerSync(folder.manifest);
  return (
    <div className="min-h-dvh font-sans">
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-ink"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b print:hidden border-black/10 bg-paper/90 backdrop-blur dark:border-white/10 dark:bg-night/90">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4">
          <Link
            to={paths.library.getHref()}
            className="flex items-center gap-2 font-serif text-xl font-semibold tracking-tight"
          >
            <span
              aria-hidden
              className="inline-block h-6 w-6 rounded-md bg-accent text-center text-sm leading-6 text-white dark:bg-accent-dark dark:text-night"
            >
              D
            </span>
            Dispatch
          </Link>
          <div className="ml-auto flex items-center gap-2">
            <AnalysisStatus />
            <SearchTrigger />
            <Link
              to={paths.notebook.getHref()}
              className="rounded-md px-2 py-1 text-sm text-ink/75 hover:bg-black/5 hover:text-ink dark:text-night-ink/80 dark:hover:bg-white/10 dark:hover:text-night-ink"
            >
              Notebook
            </Link>
            <ThemeToggle />
          </div>
        </div>
      </header>
      <main id="content" tabIndex={-1} className="outline-none">
        {children}
      </main>
      <SearchPalette />
      <ShortcutsOverlay />
      <Toaster />
    </div>
  );
}
