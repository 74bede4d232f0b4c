import { useEffect, useEffectEvent, useRef } from 'react';
import { toast } from '../../components/ui/toast';
import { paths } from '../../config/paths';
import { useStoryKeys } from '../../features/reader/use-story-keys';
import { latestPathname, useNavigate } from '../../lib/router';
import type { StorySteps } from './use-story-steps';

interface Wanted {
  from: string;
  delta: 1 | -1;
  every: boolean;
}

/**
 * j/k and J/K, from the story route whatever its state: a step from the newest location, not from the story on screen, so a second press
 * while the previous step still renders (a transition, longer on a busy machine) goes one further.
 * A step pressed while the steps are still being found (a filter's stories, or in an archive the
 * story's row in the listing) is kept and taken as soon as they are known, unless the reader has
 * moved on meanwhile: a key pressed right after the next story drew used to say "still finding"
 * and do nothing (two e2e journeys failed on it under load). At either end a polite status (the
 * toast region) says so, rather than nothing happening.
 */
export function useStepKeys(storyId: string, steps: StorySteps, enabled: boolean): void {
  const navigate = useNavigate();
  const wanted = useRef<Wanted | null>(null);
  const here = () => paths.story.idFromPath(latestPathname()) ?? storyId;
  // Whether the step was taken or answered; false while it must wait for the steps.
  const take = (w: Wanted): boolean => {
    const to = steps.neighbourOf(w.from, w.delta, w.every);
    if (to) navigate(paths.story.getHref(to, { within: steps.within }));
    else if (!steps.pending) toast(steps.endMessage(w.delta, w.every));
    return to !== null || !steps.pending;
  };
  const step = (delta: 1 | -1, every = false) => {
    if (!enabled) return;
    const w = { from: here(), delta, every };
    wanted.current = null;
    if (take(w)) return;
    wanted.current = w;
    toast(
      steps.within.size > 0 ? 'Still finding the stories of this filter…' : 'Finding the story…',
    );
  };
  const retry = useEffectEvent(() => {
    const w = wanted.current;
    if (!w) return;
    if (here() !== w.from) wanted.current = null;
    else if (take(w)) wanted.current = null;
  });
  // Every render: the steps are a fresh object each time their pages, rows or filter move.
  useEffect(() => retry());
  useStoryKeys({
    j: () => step(1),
    k: () => step(-1),
    // Every story, briefs included.
    J: () => step(1, true),
    K: () => step(-1, true),
  });
}
