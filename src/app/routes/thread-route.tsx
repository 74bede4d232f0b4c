import { useQuery } from '@tanstack/react-query';
import { NotFound } from '../../components/ui/not-found';
import { NotInArchive } from '../../components/ui/not-in-archive';
import { useArchive, useArchiveMode } from '../../data/archive-api';
import { useArchiveThread, useArchiveThreadPages } from '../../data/archive-threads';
import { threadQuery, useEnginePhases } from '../../data/analysis-api';
import { ThreadPage } from '../../features/threads/thread-page';
import { decodeSegments } from '../../lib/url';
import { useLocation } from '../../lib/router';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/thread/<id>`: a thread's page, once the worker has built the threads (or from an archive). */
export function ThreadRoute() {
  const { pathname } = useLocation();
  const id = decodeSegments(pathname.slice('/thread/'.length).replace(/\/+$/u, ''));
  return useArchiveMode() ? <ArchiveThreadRoute id={id} /> : <FolderThreadRoute id={id} />;
}

/** An archive's thread page, from the thread group its id hashes to (once the manifest is in). */
function ArchiveThreadRoute({ id }: { id: string }) {
  const info = useArchive();
  const pages = useArchiveThreadPages();
  const found = useArchiveThread(id);
  useDocumentTitle(
    found.state === 'found'
      ? `${found.thread.title} (thread)`
      : found.state === 'missing'
        ? 'Not found'
        : null,
  );
  // Built without the names' tables (`SEEDS_NAMES=0`): no threads to read.
  if (info && !pages) return <NotInArchive what="Thread pages" />;
  if (found.state === 'found') return <ThreadPage thread={found.thread} />;
  if (found.state === 'missing') return <NotFound what="thread" detail={id} />;
  return (
    <p role="status" className="mx-auto max-w-3xl px-4 py-16 text-ink/75 dark:text-night-ink/75">
      {found.state === 'error' ? found.message : `Looking for the thread ${id} in the archive…`}
    </p>
  );
}

function FolderThreadRoute({ id }: { id: string }) {
  const ready = useEnginePhases().related === 'ready';
  const q = useQuery({ ...threadQuery(id), enabled: ready });
  useDocumentTitle(q.data ? `${q.data.title} (thread)` : 'Thread');
  if (!ready || q.isPending) {
    return (
      <p role="status" className="mx-auto max-w-3xl px-4 py-16 text-ink/75 dark:text-night-ink/75">
        Grouping the folder's stories into threads…
      </p>
    );
  }
  if (!q.data) return <NotFound what="thread" detail={id} />;
  return <ThreadPage thread={q.data} />;
}
