import { own } from '../lib/own';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { corpusWorker } from '../worker/client';
import { fileIdOf } from '../corpus/library';
import type { ManifestFile, ParsedFile, Story } from '../corpus/types';
import { useSideGroup } from './archive-api';
import { fileHint } from './file-hint';
import { fileQuery } from './seeds-api';
import { useManifest } from './use-parsed-folder';

export type StoryState =
  | { status: 'loading' }
  | { status: 'error'; message: string; file: ManifestFile | null; retry: () => void }
  | { status: 'not-found' }
  | { status: 'ready'; story: Story; file: ParsedFile; manifestFile: ManifestFile };

/**
 * One story by id. It loads only its own file (not the folder), so a deep link paints as soon
 * as that one file has arrived, whatever the folder size. On a story's preview page the file is
 * known before the manifest arrives (`fileHint`); once the manifest is there, it decides.
 */
export function useStory(storyId: string): StoryState {
  const manifest = useManifest();
  const fileId = fileIdOf(storyId);
  const hint = fileHint();
  // An archive's manifest lists no files: its side group says where the story's file is.
  const side = useSideGroup(storyId);
  const archive = manifest.data?.archive;
  const fromSide = own(side.data?.files, fileId)?.file ?? null;
  const manifestFile = archive
    ? (fromSide ?? (hint?.id === fileId ? hint : null))
    : manifest.data
      ? (manifest.data.files.find((f) => f.id === fileId) ?? null)
      : hint?.id === fileId
        ? hint
        : null;
  const file = useQuery({
    ...fileQuery(manifestFile ?? PLACEHOLDER),
    enabled: manifestFile !== null,
  });
  if (!manifestFile) {
    if (manifest.isPending || (archive && side.isPending)) return { status: 'loading' };
    if (archive && side.error)
      return {
        status: 'error',
        message: side.error.message,
        file: null,
        retry: () => void side.refetch(),
      };
    if (manifest.error)
      return {
        status: 'error',
        message: manifest.error.message,
        file: null,
        retry: () => void manifest.refetch(),
      };
    return { status: 'not-found' };
  }
  if (file.isPending) return { status: 'loading' };
  if (file.error)
    return {
      status: 'error',
      message: file.error.message,
      file: manifestFile,
      retry: () => void file.refetch(),
    };
  const story = file.data.stories.find((s) => s.id === storyId);
  if (!story) return { status: 'not-found' };
  return { status: 'ready', story, file: file.data, manifestFile };
}

const PLACEHOLDER: ManifestFile = { id: '', path: '', section: null, size: 0, hash: '' };

/** A story a view shows whole (a notebook's highlighted story): its body, or why there is none. */
export type StoryBody =
  { status: 'unknown' } | { status: 'gone' } | { status: 'ready'; story: Story };

/**
 * Several stories by id, each from its own file (from the worker, or fetched): the
 * views that show a few stories whole ask for those, not for the folder. `unknown` while the
 * manifest or the file is not in (or the file failed: not a reason to call the story gone) and
 * always in an archive (the notebook places nothing there); `gone` when the folder has no such
 * file or the file no such story.
 */
export function useStories(storyIds: readonly string[]): ReadonlyMap<string, StoryBody> {
  const manifest = useManifest();
  const folder = manifest.data && !manifest.data.archive ? manifest.data : null;
  const wanted = useMemo(() => {
    if (!folder) return [];
    const ids = new Set(storyIds.map(fileIdOf));
    return folder.files.filter((f) => ids.has(f.id));
  }, [folder, storyIds]);
  // Combined in the hook, so the map is the same object until a file or the ids change.
  const combine = useCallback(
    (files: { data?: ParsedFile | undefined }[]) => {
      const out = new Map<string, StoryBody>();
      for (const id of storyIds) {
        const at = folder ? wanted.findIndex((f) => f.id === fileIdOf(id)) : -1;
        const data = files[at]?.data;
        const story = data?.stories.find((s) => s.id === id);
        out.set(
          id,
          !folder
            ? { status: 'unknown' }
            : at < 0 || (data && !story)
              ? { status: 'gone' }
              : story
                ? { status: 'ready', story }
                : { status: 'unknown' },
        );
      }
      return out as ReadonlyMap<string, StoryBody>;
    },
    [folder, storyIds, wanted],
  );
  return useQueries({ queries: wanted.map((f) => fileQuery(f)), combine });
}

/**
 * Asks the worker now for the files of the stories the reader is likely to open next (j/k's
 * neighbours), so that they open without a wait. Only files the worker holds: on a deep link
 * the rest of the folder is still loading, and extra downloads would compete with it.
 */
export function usePrefetchStories(storyIds: readonly (string | null)[]): void {
  const manifest = useManifest();
  const client = useQueryClient();
  const folder = manifest.data && !manifest.data.archive ? manifest.data : null;
  const key = storyIds.join('\n');
  useEffect(() => {
    if (!folder) return;
    for (const id of key.split('\n')) {
      const f = id ? folder.files.find((m) => m.id === fileIdOf(id)) : undefined;
      if (f && corpusWorker.holdsFile(f)) void client.prefetchQuery(fileQuery(f));
    }
  }, [client, folder, key]);
}
