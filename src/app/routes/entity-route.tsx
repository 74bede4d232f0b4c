import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSplat } from '../../lib/router';
import { NotFound } from '../../components/ui/not-found';
import { NotInArchive } from '../../components/ui/not-in-archive';
import { useArchiveMode } from '../../data/archive-api';
import { entityQuery, useWorkerStatus } from '../../data/analysis-api';
import { useCorpus } from '../../data/use-corpus';
import { EntityPage } from '../../features/entities/entity-page';
import { useDocumentTitle } from '../../lib/use-document-title';

export function EntityRoute() {
  return useArchiveMode() ? <NotInArchive what="Entity pages" /> : <FolderEntityRoute />;
}

function FolderEntityRoute() {
  // Static hosts may add a trailing slash (directory index of a preview page): ignore it.
  const id = useSplat().replace(/\/+$/u, '');
  const status = useWorkerStatus();
  const q = useQuery(entityQuery(id, status));
  const corpus = useCorpus();
  const titles = useMemo(
    () => new Map(corpus.stories.map((s) => [s.id, s.title])),
    [corpus.stories],
  );
  const data = q.data?.entity.id === id ? q.data : null;
  useDocumentTitle(data ? data.entity.name : status.entitiesReady ? 'Not found' : null);
  if (data)
    return (
      <EntityPage data={data} titleOf={(s) => titles.get(s) ?? s} complete={status.namesComplete} />
    );
  // Not found only once the whole folder is analysed and the answer for this id is in.
  if (status.entitiesReady && q.isSuccess && !q.isPlaceholderData && !q.isFetching) {
    return <NotFound what="person, place or organization" detail={id} />;
  }
  return (
    <div
      className="mx-auto max-w-[68ch] px-4 py-16 text-ink/75 dark:text-night-ink/75"
      role="status"
    >
      Looking for {id} in the folder ({status.analysed.toLocaleString()} of{' '}
      {status.stories.toLocaleString()} stories analysed)…
    </div>
  );
}
