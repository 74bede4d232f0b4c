import type { Story } from '../corpus/types';
import type { FileEntry } from './protocol';

/**
 * The folder as the corpus engine has received it: its files, their stories in reading order,
 * and how many files the folder has in all.
 * IMPORTANT: runs inside the worker.
 */
export class FolderStore {
  readonly stories = new Map<string, Story>();
  readonly order: string[] = [];
  private files = new Map<string, FileEntry>();
  total = 0;

  get fileCount(): number {
    return this.files.size;
  }

  /** Every file of the folder has arrived. */
  loaded(): boolean {
    return this.files.size >= this.total && this.total > 0;
  }

  /** The file as held (its latest version), if the folder has it. */
  entry(fileId: string): FileEntry | undefined {
    return this.files.get(fileId);
  }

  /** The ids of the files held. */
  fileIds(): IterableIterator<string> {
    return this.files.keys();
  }

  /** Whether `entry` is the latest version of its file. */
  isCurrent(entry: FileEntry): boolean {
    return this.files.get(entry.file.fileId) === entry;
  }

  /**
   * Takes new or changed files; `keep` (the ids of every file still in the folder) is given when
   * files were removed. Returns the stories that are new, or, when a file changed or went away,
   * `changed`: the ids of the changed files, every story then being new (the caller rebuilds).
   */
  take(
    entries: FileEntry[],
    keep: string[] | null,
  ): { added: Story[]; changed: Set<string> | null } {
    const changedIds = entries
      .filter((e) => this.files.has(e.file.fileId))
      .map((e) => e.file.fileId);
    for (const e of entries) this.files.set(e.file.fileId, e);
    if (keep) {
      const k = new Set(keep);
      for (const id of [...this.files.keys()]) if (!k.has(id)) this.files.delete(id);
    }
    if (changedIds.length === 0 && keep === null) {
      const added = entries.flatMap((e) => e.file.stories);
      for (const s of added) {
        this.order.push(s.id);
        this.stories.set(s.id, s);
      }
      return { added, changed: null };
    }
    this.stories.clear();
    this.order.length = 0;
    for (const f of this.files.values()) {
      for (const s of f.file.stories) {
        this.order.push(s.id);
        this.stories.set(s.id, s);
      }
    }
    return { added: [...this.stories.values()], changed: new Set(changedIds) };
  }
}
