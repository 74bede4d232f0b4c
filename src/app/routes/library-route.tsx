import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useCorpus } from '../../data/use-corpus';
import { collectProblems } from '../../features/library/load-problems';
import { LibraryPage } from '../../features/library/library-page';
import { useDocumentTitle } from '../../lib/use-document-title';

export function LibraryRoute() {
  const corpus = useCorpus();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(null);
  const section = params.get('section');
  const sections = useMemo(
    () =>
      [
        ...new Set(
          corpus.manifest?.files.map((f) => f.section).filter((s): s is string => s !== null),
        ),
      ].sort(),
    [corpus.manifest],
  );
  const problems = useMemo(
    () => collectProblems(corpus.failures, corpus.files.values(), corpus.manifest?.warnings ?? []),
    [corpus.failures, corpus.files, corpus.manifest],
  );
  if (corpus.manifestError) {
    return (
      <div role="alert" className="mx-auto max-w-2xl px-4 py-16">
        <h1 className="font-serif text-3xl font-semibold">The library could not be opened</h1>
        <p className="mt-3">{corpus.manifestError.message}</p>
        <button
          type="button"
          className="mt-4 underline"
          onClick={() => void client.invalidateQueries({ queryKey: ['seeds'] })}
        >
          Try again
        </button>
      </div>
    );
  }
  return (
    <LibraryPage
      stories={corpus.stories}
      sections={sections}
      section={section}
      onSection={(s) => setParams(s ? { section: s } : {})}
      fileCount={corpus.total}
      done={corpus.done}
      loading={corpus.loading}
      problems={problems}
      onRetry={() => void client.invalidateQueries({ queryKey: ['seeds', 'corpus'] })}
    />
  );
}
