import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate, useSplat } from '../../lib/router';
import { paths } from '../../config/paths';
import { NotFound } from '../../components/ui/not-found';
import { NotInArchive } from '../../components/ui/not-in-archive';
import {
  useArchive,
  useArchiveEntity,
  useArchiveEntityPages,
  useArchiveMode,
} from '../../data/archive-api';
import { entityQuery, useEnginePhases, useEngineProgress } from '../../data/analysis-api';
import { rowById } from '../../corpus/folder-listing';
import { useFolderListing } from '../../data/use-folder-listing';
import { ArchiveEntityPage } from '../../features/entities/archive-entity-page';
import { EntityPage } from '../../features/entities/entity-page';
import { useDocumentTitle } from '../../lib/use-document-title';

export function EntityRoute() {
  // Static hosts may add a trailing slash (directory index of a preview page): ignore it.
  const id = useSplat().replace(/\/+$/u, '');
  return useArchiveMode() ? <ArchiveEntityRoute id={id} /> : <FolderEntityRoute id={id} />;
}

/** An archive's entity page, from the entity group its id hashes to (once the manifest is in). */
function ArchiveEntityRoute({ id }: { id: string }) {
  const info = useArchive();
  const pages = useArchiveEntityPages();
  const found = useArchiveEntity(id);
  const navigate = useNavigate();
  const canonical = found.state === 'merged' ? found.canonical : null;
  // A short form the folder's table merged ('person/putin'): its full name's page.
  useEffect(() => {
    if (canonical) navigate(paths.entity.getHref(canonical), { replace: true });
  }, [canonical, navigate]);
  const title =
    found.state === 'found' ? found.entity.name : found.state === 'missing' ? 'Not found' : null;
  useDocumentTitle(title);
  // Built without the names' tables (`SEEDS_NAMES=0`): no entity groups to read.
  if (info && !pages) return <NotInArchive what="Entity pages" />;
  if (found.state === 'found')
    return (
      <ArchiveEntityPage id={id} entity={found.entity} filterable={info?.filters !== undefined} />
    );
  if (found.state === 'missing')
    return <NotFound what="person, place or organization" detail={id} />;
  return (
    <div
      className="mx-auto max-w-[68ch] px-4 py-16 text-ink/75 dark:text-night-ink/75"
      role="status"
    >
      {found.state === 'error' ? found.message : `Looking for ${id} in the archive…`}
    </div>
  );
}

function FolderEntityRoute({ id }: { id: string }) {
  const names = useEnginePhases().names.phase;
  const tabled = names !== 'analysing';
  const q = useQuery(entityQuery(id));
  const { rows } = useFolderListing();
  const data = q.data?.entity.id === id ? q.data : null;
  useDocumentTitle(data ? data.entity.name : tabled ? 'Not found' : null);
  if (data)
    return (
      <EntityPage
        data={data}
        titleOf={(s) => rowById(rows, s)?.title ?? s}
        complete={names === 'complete'}
      />
    );
  // Not found only once the whole folder is analysed and the answer for this id is in.
  if (tabled && q.isSuccess && !q.isPlaceholderData && !q.isFetching) {
    return <NotFound what="person, place or organization" detail={id} />;
  }
  return <LookingFor id={id} />;
}

/** The wait for an entity page, with how far the analysis has come (re-rendered as it moves). */
function LookingFor({ id }: { id: string }) {
  const analysed = useEngineProgress((s) => s.analysed);
  const stories = useEngineProgress((s) => s.stories);
  return (
    <div
      className="mx-auto max-w-[68ch] px-4 py-16 text-ink/75 dark:text-night-ink/75"
      role="status"
    >
      Looking for {id} in the folder ({analysed.toLocaleString()} of {stories.toLocaleString()}{' '}
      stories analysed)…
    </div>
  );
}
