import { useEffect } from 'react';

/** Sets `document.title` while the calling page is shown ("Title · Dispatch"). */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} · Dispatch` : 'Dispatch';
  }, [title]);
}
