import { describe, expect, it } from 'vitest';
import {
  MAX_VARIANTS,
  initialVariants,
  needsScore,
  nextIndex,
  optionsKey,
  targetSlot,
  variantRequest,
  variantsReducer,
  visibleVariants,
  type VariantsAction,
  type VariantsState,
} from './use-draft-variants';

const KEY = optionsKey({ tone: 'friendly', length: 'short', language: 'en', goal: '', facts: '' });
const OTHER = optionsKey({ tone: 'formal', length: 'short', language: 'en', goal: '', facts: '' });

const run = (actions: VariantsAction[], from: VariantsState = initialVariants) => actions.reduce(variantsReducer, from);
/** One full generation into the slot `mode` picks: start, two streamed chunks, done with an id. */
const generated = (text: string, id: string, mode: 'replace' | 'add' = 'add', key = KEY): VariantsAction[] => [
  { type: 'start', key, promptVersion: 'reply-draft@3', mode },
  { type: 'generation', state: { kind: 'streaming', text: text.slice(0, 3), tokens: 1 } },
  { type: 'generation', state: { kind: 'done', text, tokens: 2 }, id },
];

describe('draft variants', () => {
  it('fills up to three variants of the same options, each with its own id and prompt version', () => {
    const s = run([...generated('one', 'a'), ...generated('two', 'b'), ...generated('three', 'c')]);
    expect(s.variants.map((v) => [v.text, v.id, v.status, v.promptVersion])).toEqual([
      ['one', 'a', 'done', 'reply-draft@3'],
      ['two', 'b', 'done', 'reply-draft@3'],
      ['three', 'c', 'done', 'reply-draft@3'],
    ]);
    expect(s.selected).toBe(2);
    expect(s.pending).toBeNull();
    // A fourth is refused: the list stays as it was.
    expect(targetSlot(s, KEY, 'add')).toBeNull();
    expect(run(generated('four', 'd'), s)).toEqual(s);
    expect(s.variants).toHaveLength(MAX_VARIANTS);
  });

  it('streams into the pending slot only, and keeps a variant without an id until it is done', () => {
    const s = run([
      ...generated('one', 'a'),
      { type: 'start', key: KEY, promptVersion: 'p', mode: 'add' },
      { type: 'generation', state: { kind: 'streaming', text: 'tw', tokens: 1 } },
    ]);
    expect(s.variants[0]!.text).toBe('one');
    expect(s.variants[1]).toMatchObject({ text: 'tw', id: null, status: 'streaming' });
    // The rep cannot edit the variant being written, but may switch to and edit another one.
    expect(run([{ type: 'edit', text: 'x' }], s)).toEqual(s);
    const edited = run(
      [
        { type: 'select', index: 0 },
        { type: 'edit', text: 'one, edited' },
      ],
      s,
    );
    expect(edited.variants[0]!.text).toBe('one, edited');
    const cancelled = run([{ type: 'generation', state: { kind: 'cancelled', text: 'tw', tokens: 1 } }], s);
    expect(cancelled.variants[1]).toMatchObject({ status: 'cancelled', id: null });
    expect(cancelled.pending).toBeNull();
  });

  it('drafting again replaces the selected variant; new options start a new list', () => {
    let s = run([...generated('one', 'a'), ...generated('two', 'b')]);
    s = run([{ type: 'select', index: 0 }, ...generated('one again', 'c', 'replace')], s);
    expect(s.variants.map((v) => v.text)).toEqual(['one again', 'two']);
    expect(s.variants[0]!.id).toBe('c');
    expect(s.selected).toBe(0);

    expect(visibleVariants(s, OTHER)).toEqual([]);
    expect(targetSlot(s, OTHER, 'add')).toBe(0);
    s = run(generated('formal', 'f', 'add', OTHER), s);
    expect(s.variants.map((v) => v.text)).toEqual(['formal']);
    expect(visibleVariants(s, KEY)).toEqual([]);
  });

  it('appends an included line to the selected variant, or starts a hand-written one before any draft', () => {
    const typed = run([{ type: 'append', line: 'See our pilot guide.', key: KEY }]);
    expect(typed.variants).toEqual([{ id: null, text: 'See our pilot guide.', promptVersion: '', status: 'done' }]);
    const s = run([...generated('one', 'a'), { type: 'append', line: 'See our pilot guide.', key: KEY }]);
    expect(s.variants.map((v) => v.text)).toEqual(['one\n\nSee our pilot guide.']);
  });

  it('rates the selected variant only, and only once it is stored', () => {
    let s = run([...generated('one', 'a'), ...generated('two', 'b')]);
    s = run(
      [
        { type: 'rate', rating: { thumb: 'up' } },
        { type: 'rate', rating: { stars: 4 } },
      ],
      s,
    );
    expect(s.variants[1]!.rating).toEqual({ thumb: 'up', stars: 4 });
    expect(s.variants[0]!.rating).toBeUndefined();
    const streaming = run([{ type: 'start', key: KEY, promptVersion: 'p', mode: 'add' }], s);
    expect(run([{ type: 'rate', rating: { thumb: 'down' } }], streaming)).toEqual(streaming);
  });

  it('scores each finished variant, and drops a score computed on text that has since changed', () => {
    let s = run([...generated('one', 'a'), ...generated('two', 'b')]);
    expect(needsScore(s.variants)).toEqual([0, 1]);
    s = run([{ type: 'scored', index: 0, text: 'one', total: 71 }], s);
    expect(s.variants[0]!.score).toBe(71);
    expect(needsScore(s.variants)).toEqual([1]);
    s = run([{ type: 'edit', text: 'two, edited' }], s);
    expect(run([{ type: 'scored', index: 1, text: 'two', total: 50 }], s)).toEqual(s);
    s = run([{ type: 'scored', index: 1, text: 'two, edited', total: 64 }], s);
    expect(s.variants.map((v) => v.score)).toEqual([71, 64]);
    expect(needsScore(s.variants)).toEqual([]);
    // A variant still streaming is not scored.
    s = run(
      [
        { type: 'select', index: 0 },
        { type: 'start', key: KEY, promptVersion: 'p', mode: 'replace' },
      ],
      s,
    );
    expect(needsScore(s.variants)).toEqual([]);
  });

  it('moves the selection with arrow keys (wrapping), Home and End, and ignores other keys', () => {
    expect(nextIndex('ArrowRight', 0, 3)).toBe(1);
    expect(nextIndex('ArrowRight', 2, 3)).toBe(0);
    expect(nextIndex('ArrowDown', 1, 3)).toBe(2);
    expect(nextIndex('ArrowLeft', 0, 3)).toBe(2);
    expect(nextIndex('ArrowUp', 2, 3)).toBe(1);
    expect(nextIndex('Home', 2, 3)).toBe(0);
    expect(nextIndex('End', 0, 2)).toBe(1);
    expect(nextIndex('Enter', 0, 3)).toBeNull();
    expect(nextIndex('ArrowRight', 0, 0)).toBeNull();
    expect(run([{ type: 'select', index: 5 }], run(generated('one', 'a')))).toMatchObject({ selected: 0 });
  });

  it('asks for a different angle, sampled hotter, from the second variant on', () => {
    const base = {
      messages: [
        { role: 'system' as const, content: 'sys' },
        { role: 'user' as const, content: 'Reply to Jordan' },
      ],
      maxTokens: 200,
      temperature: 0.6,
    };
    expect(variantRequest(base, 0, 'en')).toBe(base);
    const second = variantRequest(base, 1, 'en');
    expect(second.messages[0]).toEqual(base.messages[0]);
    expect(second.messages[1]!.content).toMatch(/^Reply to Jordan\n\n\(Alternative version 2: take a different angle/);
    expect(second.temperature).toBeCloseTo(0.75);
    expect(variantRequest(base, 2, 'zh').messages[1]!.content).toContain('备选版本 3');
    expect(variantRequest({ ...base, temperature: 0.95 }, 2, 'en').temperature).toBe(1);
    // The base request is not mutated.
    expect(base.messages[1]!.content).toBe('Reply to Jordan');
  });

  it('keys the options so whitespace in the goal or facts does not split variants', () => {
    expect(optionsKey({ tone: 'friendly', length: 'short', language: 'en', goal: ' call ', facts: 'a\n' })).toBe(
      optionsKey({ tone: 'friendly', length: 'short', language: 'en', goal: 'call', facts: 'a' }),
    );
    expect(KEY).not.toBe(OTHER);
  });
});
