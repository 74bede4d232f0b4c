import type { ThreadOptions } from '../../src/corpus/threads/build-threads';

/** Thread options from command-line flags (`--threshold 0.18 --entity-share 0.3 --idf 1 …`). */
export function threadOptionsFromArgs(args: string[]): Partial<ThreadOptions> {
  const num = (name: string): number | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const options: Partial<ThreadOptions> = {};
  const set = <K extends keyof ThreadOptions>(key: K, flag: string): void => {
    const v = num(flag);
    if (v !== undefined) options[key] = v as ThreadOptions[K];
  };
  set('threshold', 'threshold');
  set('entityShare', 'entity-share');
  set('termIdfPower', 'idf');
  set('neighbours', 'neighbours');
  set('ledeShare', 'lede-share');
  set('ledeWords', 'lede-words');
  return options;
}
