import { useState } from 'react';
import { Link } from '../../lib/router';
import { paths } from '../../config/paths';
import type { NotebookFilter, StoryGroup } from '../../corpus/notebook/notebook-view';
import type { Annotation } from '../../corpus/notebook/types';
import type { NotebookSnapshot } from '../../data/notebook/notebook-store';
import { notebook } from '../../data/notebook/notebook';
import { NotebookFilters } from './notebook-filters';
import { NotebookEntry, OrphanList } from './notebook-item';
import { NotebookTransfer } from './notebook-transfer';
import type { EntityOption, NotebookItem } from './notebook-types';
import { StorageBanner } from './storage-banner';
import { UndoBar } from './undo-bar';

export interface NotebookPageProps {
  snapshot: NotebookSnapshot;
  groups: StoryGroup<NotebookItem>[];
  orphans: NotebookItem[];
  /** Highlights shown after filtering, and in all. */
  shown: number;
  filter: NotebookFilter;
  onFilter: (f: NotebookFilter) => void;
  stories: { id: string; title: string }[];
  entities: EntityOption[];
  titleOf: (storyId: string) => string;
  onExportMarkdown: () => void;
  onExportJson: () => void;
  onImport: (file: File) => Promise<string>;
  /** Stories with reading state (exported in the JSON-LD too). */
  readingCount: number;
}

/** Every highlight and note, newest first, grouped by story; orphans on top; export and import. */
export function NotebookPage(p: NotebookPageProps) {
  const [undo, setUndo] = useState<Annotation | null>(null);
  const total = p.snapshot.annotations.length;
  const notes = p.snapshot.annotations.filter((a) => a.note.trim()).length;
  const remove = (id: string) => {
    const gone = notebook.remove(id);
    if (gone) setUndo(gone);
  };
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="font-serif text-4xl font-semibold tracking-tight">Notebook</h1>
      <p className="mt-1 mb-6 text-sm text-ink/75 dark:text-night-ink/75">
        {total === 0
          ? 'No highlights yet.'
          : `${total} ${total === 1 ? 'highlight' : 'highlights'} in ${p.stories.length} ${p.stories.length === 1 ? 'story' : 'stories'}, ${notes} with notes.`}{' '}
        {p.snapshot.status === 'ready' &&
          (p.snapshot.persisted
            ? 'Kept in this browser, which has promised not to clear it.'
            : 'Kept in this browser for this folder.')}
      </p>
      {p.snapshot.problem && (
        <div className="mb-6">
          <StorageBanner
            problem={p.snapshot.problem}
            unsaved={p.snapshot.unsaved}
            onRetry={() => void notebook.retry()}
            linkToNotebook={false}
          />
        </div>
      )}
      <NotebookTransfer
        count={total}
        readingCount={p.readingCount}
        onExportMarkdown={p.onExportMarkdown}
        onExportJson={p.onExportJson}
        onImport={p.onImport}
      />
      {total === 0 ? (
        <p className="py-12 text-center text-ink/75 dark:text-night-ink/75">
          Select words in any story to highlight them or add a note; they gather here.{' '}
          <Link className="underline" to={paths.library.getHref()}>
            Browse the library
          </Link>
        </p>
      ) : (
        <>
          <OrphanList items={p.orphans} titleOf={p.titleOf} onDelete={remove} />
          <NotebookFilters
            filter={p.filter}
            stories={p.stories}
            entities={p.entities}
            onChange={p.onFilter}
          />
          <p role="status" className="sr-only">
            {p.shown} {p.shown === 1 ? 'highlight' : 'highlights'} shown
          </p>
          {p.groups.length === 0 && filtering(p.filter) && (
            <p className="py-8 text-center text-ink/75 dark:text-night-ink/75">
              No highlight matches these filters.
            </p>
          )}
          {p.groups.map((g) => (
            <section key={g.storyId} aria-labelledby={`g-${g.storyId}`} className="mb-10">
              <h2 id={`g-${g.storyId}`} className="font-serif text-2xl font-semibold">
                <Link className="hover:underline" to={paths.story.getHref(g.storyId)}>
                  {g.title}
                </Link>
              </h2>
              <ul className="mt-2 divide-y divide-black/10 dark:divide-white/10">
                {g.items.map((item) => (
                  <NotebookEntry
                    key={item.annotation.id}
                    item={item}
                    onDelete={() => remove(item.annotation.id)}
                  />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
      {undo && (
        <UndoBar
          message="Highlight deleted."
          onUndo={() => {
            notebook.restore(undo);
            setUndo(null);
          }}
          onDone={() => setUndo(null)}
        />
      )}
    </div>
  );
}

function filtering(f: NotebookFilter): boolean {
  return f.colors.length > 0 || f.storyId !== null || f.entityId !== null || f.text.trim() !== '';
}
