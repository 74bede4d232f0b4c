import { decodeSegments } from '../lib/url';

/**
 * Every route of the app and the one place links are built. Ids may contain `/` (a section)
 * and any character a file name can have, so each path segment is encoded on its own.
 */
function encodeId(id: string): string {
  return id.split('/').map(encodeURIComponent).join('/');
}

/**
 * The library's filter (`?section=`, `?entity=` repeated, `?kind=`). A story opened from a
 * filtered library carries it too, so that j/k and the pager step through what the library
 * showed, and back to it.
 */
const FILTER_KEYS = ['section', 'entity', 'kind'] as const;

/** Only the library filter's keys of `params`, in a stable order. */
export function libraryFilter(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of FILTER_KEYS) for (const v of params.getAll(key)) if (v) out.append(key, v);
  return out;
}

export const paths = {
  library: {
    pattern: '/',
    getHref: (search?: URLSearchParams | string) => {
      const s = search?.toString();
      return s ? `/?${s}` : '/';
    },
  },
  story: {
    pattern: '/story/*',
    getHref: (
      id: string,
      opts: { paragraph?: number; query?: string; within?: URLSearchParams } = {},
    ) => {
      const parts = opts.query ? [`q=${encodeURIComponent(opts.query)}`] : [];
      const within = opts.within ? libraryFilter(opts.within).toString() : '';
      if (within) parts.push(within);
      const q = parts.length ? `?${parts.join('&')}` : '';
      const hash = opts.paragraph ? `#p${opts.paragraph}` : '';
      return `/story/${encodeId(id)}${q}${hash}`;
    },
    /** The story id of an app pathname (`/story/<segments>`), or null for another page. */
    idFromPath: (pathname: string): string | null => {
      if (!pathname.startsWith('/story/')) return null;
      const rest = pathname.slice('/story/'.length).replace(/\/+$/u, '');
      return rest ? decodeSegments(rest) : null;
    },
  },
  entity: {
    pattern: '/entity/*',
    getHref: (id: string) => `/entity/${encodeId(id)}`,
  },
  thread: {
    pattern: '/thread/*',
    getHref: (id: string) => `/thread/${encodeId(id)}`,
  },
  search: {
    pattern: '/search',
    getHref: (query: string) => `/search?q=${encodeURIComponent(query)}`,
  },
  notebook: {
    pattern: '/notebook',
    getHref: (search?: URLSearchParams | string) => {
      const s = search?.toString();
      return s ? `/notebook?${s}` : '/notebook';
    },
    /** A story, asking for the words an orphaned highlight belongs to now. */
    reattachHref: (storyId: string, annotationId: string) =>
      `/story/${encodeId(storyId)}?reattach=${encodeURIComponent(annotationId)}`,
  },
} as const;

/** Absolute URL of an in-app href, for copying and sharing (respects the deploy sub-path). */
export function absoluteUrl(href: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/u, '');
  return new URL(base + href, window.location.origin).toString();
}
