import { useRef, useState } from 'react';
import { BUTTON } from './highlight-style';

/**
 * Export (Markdown to read, W3C JSON-LD to keep and to import) and import. Export reads the
 * notebook in memory, so it works when storage does not.
 */
export function NotebookTransfer(p: {
  count: number;
  /** Stories with reading state: JSON-LD exports them even when there is no highlight. */
  readingCount: number;
  onExportMarkdown: () => void;
  onExportJson: () => void;
  onImport: (file: File) => Promise<string>;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState('');
  return (
    <div className="mb-6 flex flex-wrap items-center gap-2 font-sans">
      <button type="button" className={BUTTON} onClick={p.onExportMarkdown} disabled={!p.count}>
        Export Markdown
      </button>
      <button
        type="button"
        className={BUTTON}
        onClick={p.onExportJson}
        disabled={!p.count && !p.readingCount}
      >
        Export JSON-LD
      </button>
      <button type="button" className={BUTTON} onClick={() => input.current?.click()}>
        Import JSON-LD…
      </button>
      <input
        ref={input}
        type="file"
        accept=".jsonld,.json,application/ld+json,application/json"
        className="sr-only"
        tabIndex={-1}
        aria-label="Notebook file to import"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) setMessage(await p.onImport(file));
        }}
      />
      <p role="status" className="text-sm">
        {message}
      </p>
    </div>
  );
}
