import { useQuery } from '@tanstack/react-query';
import { NotFound } from '../../components/ui/not-found';
import { NotInArchive } from '../../components/ui/not-in-archive';
import { useArchiveMode } from '../../data/archive-api';
import { threadQuery, useWorkerStatus } from '../../data/analysis-api';
import { ThreadPage } from '../../features/threads/thread-page';
import { decodeSegments } from '../../lib/url';
import { useLocation } from '../../lib/router';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/thread/<id>`: a thread's page, once the worker has built the threads. */
export function ThreadRoute() {
  return useArchiveMode() ? <NotInArchive what="Thread pages" /> : <FolderThreadRoute />;
}

function FolderThreadRoute() {
  const { pathname } = useLocation();
  const id = decodeSegments(pathname.slice('/thread/'.length).replace(/\/+$/u, ''));
  const status = useWorkerStatus();
  const q = useQuery(threadQuery(id, status));
  useDocumentTitle(q.data ? `${q.data.title} (thread)` : 'Thread');
  if (!status.relatedReady || q.isPending) {
    return (
      <p role="status" className="mx-auto max-w-3xl px-4 py-16 text-ink/75 dark:text-night-ink/75">
        Grouping the folder's stories into threads…
      </p>
    );
  }
  if (!q.data) return <NotFound what="thread" detail={id} />;
  return <ThreadPage thread={q.data} />;
}
