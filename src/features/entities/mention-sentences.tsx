import { MarkedText } from '../../components/ui/marked-text';
import { paths } from '../../config/paths';
import type { MentionSentence } from '../../corpus/entities/mention-sentences';
import type { EntityType } from '../../corpus/entities/types';
import { Link } from '../../lib/router';
import { MARK_CLASS } from './entity-style';

/**
 * A story's sentences naming the page's entity, the name marked, each linked to its paragraph:
 * the whole folder's entity page and an archive's list them alike.
 */
export function MentionSentences({
  storyId,
  sentences,
  entity,
}: {
  storyId: string;
  sentences: readonly Pick<MentionSentence, 'paragraph' | 'text' | 'ranges'>[];
  entity: { id: string; type: EntityType };
}) {
  if (sentences.length === 0) return null;
  return (
    <ul className="mt-2 space-y-2 font-serif text-lg leading-relaxed">
      {sentences.map((s, i) => (
        <li key={i} className="border-l-2 border-black/10 pl-3 dark:border-white/15">
          <MarkedText
            text={s.text}
            outer={s.ranges.map(([start, end]) => ({
              start,
              end,
              props: {
                'data-entity': entity.type,
                'data-entity-id': entity.id,
                className: `rounded-[3px] px-px ${MARK_CLASS[entity.type]}`,
              },
            }))}
          />{' '}
          <Link
            className="font-sans text-xs whitespace-nowrap text-ink/75 underline dark:text-night-ink/75"
            to={paths.story.getHref(storyId, { paragraph: s.paragraph })}
          >
            ¶{s.paragraph}
          </Link>
        </li>
      ))}
    </ul>
  );
}
