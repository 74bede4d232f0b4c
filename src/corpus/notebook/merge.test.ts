import { describe, expect, it } from 'vitest';
import { seedStory } from '../../../scripts/lib/test-stories';
import { planMerge } from './merge';
import { annotate } from './test-annotation';

describe('planMerge', () => {
  const { paragraphs } = seedStory();
  const a = annotate(paragraphs, 'promised full support', { id: 'urn:uuid:a' });
  const b = annotate(paragraphs, 'Putin thanked Kim', { id: 'urn:uuid:b', color: 'pink' });

  it('adds what is new and leaves what is already there', () => {
    const plan = planMerge([a], [a, b]);
    expect(plan.put).toEqual([b]);
    expect(plan).toMatchObject({ added: 1, updated: 0, unchanged: 1 });
  });

  it('takes a newer version of the same annotation, never an older one', () => {
    const newer = { ...a, note: 'later thought', modified: '2025-11-21T00:00:00.000Z' };
    expect(planMerge([a], [newer]).put).toEqual([newer]);
    expect(planMerge([newer], [a]).put).toEqual([]);
  });

  it('does not add the same highlight twice under another id', () => {
    const copy = { ...a, id: 'urn:uuid:copy' };
    expect(planMerge([a], [copy]).put).toEqual([]);
    expect(planMerge([], [a, copy]).put).toEqual([a]);
  });

  it('importing a notebook into itself changes nothing', () => {
    const plan = planMerge([a, b], [a, b]);
    expect(plan.put).toEqual([]);
    expect(plan.unchanged).toBe(2);
  });
});
