import type { EntityType } from '../../corpus/entities/types';
import { TYPE_LABEL } from './entity-style';
import { TypeSwatch } from './type-swatch';

/** An entity page's head: its type, name, counts and other names (whole folder and archive). */
export function EntityHeading({
  type,
  name,
  aliases,
  mentionCount,
  storyCount,
  note,
}: {
  type: EntityType;
  name: string;
  aliases: string[];
  mentionCount: number;
  storyCount: number;
  /** Said after the counts (the folder still being analysed). */
  note?: string;
}) {
  return (
    <>
      <p className="flex items-center gap-2 text-xs font-semibold tracking-widest text-ink/75 uppercase dark:text-night-ink/75">
        <TypeSwatch type={type} className="tracking-normal normal-case" />
        {TYPE_LABEL[type].one}
      </p>
      <h1 className="mt-2 font-serif text-4xl font-semibold tracking-tight">{name}</h1>
      <p className="mt-2 text-sm text-ink/75 dark:text-night-ink/75">
        {mentionCount.toLocaleString()} {mentionCount === 1 ? 'mention' : 'mentions'} in{' '}
        {storyCount.toLocaleString()} {storyCount === 1 ? 'story' : 'stories'}
        {note}
      </p>
      {aliases.length > 0 && (
        <p className="mt-1 text-sm">
          <span className="text-ink/75 dark:text-night-ink/75">Also written as </span>
          {aliases.join(' · ')}
        </p>
      )}
    </>
  );
}
