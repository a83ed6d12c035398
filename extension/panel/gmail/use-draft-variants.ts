import { useCallback, useEffect, useReducer } from 'react';
import { request } from '../../messaging/client';
import type { Draft, Expectation } from '../../messaging/methods';
import type { ChatRequest } from '../../../shared/common/llm/engine';
import { useGeneration, type GenerationState } from '../../ui/use-generation';
import { useLatest } from '../../ui/use-latest';

/** How many variants of the same options the panel keeps side by side (issue #5). */
export const MAX_VARIANTS = 3;
/** Each further variant samples a little hotter than the prompt's own temperature, so it reads differently. */
const TEMPERATURE_STEP = 0.15;
/** Pause after the rep edits a variant before it is scored again (same as the live check on the compose). */
export const SCORE_DEBOUNCE_MS = 400;

export type Rating = NonNullable<Draft['rating']>;

export interface Variant {
  /** The stored draft's id; null until the generation finished (only finished drafts are stored). */
  id: string | null;
  text: string;
  promptVersion: string;
  status: 'streaming' | 'done' | 'cancelled' | 'error';
  rating?: Rating;
  /** The last score total, and the text it was computed on (so an edit triggers a new score). */
  score?: number;
  scoredText?: string;
}

export interface VariantsState {
  /** The options (tone, length, language, goal, facts) the variants were drafted with. */
  key: string | null;
  variants: Variant[];
  selected: number;
  /** The slot the running generation writes into. */
  pending: number | null;
}

export type VariantsAction =
  | { type: 'start'; key: string; promptVersion: string; mode: 'replace' | 'add' }
  | { type: 'generation'; state: GenerationState; id?: string }
  | { type: 'select'; index: number }
  | { type: 'edit'; text: string }
  | { type: 'append'; line: string; key: string }
  | { type: 'rate'; rating: Rating }
  | { type: 'scored'; index: number; text: string; total: number };

export const initialVariants: VariantsState = { key: null, variants: [], selected: 0, pending: null };

/** A stable key of the draft options: variants are only kept side by side while the options stay the same. */
export function optionsKey(options: {
  tone: string;
  length: string;
  language: string;
  goal: string;
  facts: string;
}): string {
  return JSON.stringify([options.tone, options.length, options.language, options.goal.trim(), options.facts.trim()]);
}

/** The variants shown for the current options: none once the rep changed an option (the next draft starts over). */
export function visibleVariants(state: VariantsState, key: string): Variant[] {
  return state.key === key ? state.variants : [];
}

/** Which slot a new generation fills: the selected one (draft again), or a new one while there is room. */
export function targetSlot(state: VariantsState, key: string, mode: 'replace' | 'add'): number | null {
  const list = visibleVariants(state, key);
  if (list.length === 0) return 0;
  if (mode === 'replace') return Math.min(state.selected, list.length - 1);
  return list.length < MAX_VARIANTS ? list.length : null;
}

const updateAt = (list: Variant[], index: number, patch: (v: Variant) => Variant) =>
  list.map((v, i) => (i === index ? patch(v) : v));

export function variantsReducer(state: VariantsState, action: VariantsAction): VariantsState {
  switch (action.type) {
    case 'start': {
      const slot = targetSlot(state, action.key, action.mode);
      if (slot === null) return state;
      const base = state.key === action.key ? state.variants : [];
      const fresh: Variant = { id: null, text: '', promptVersion: action.promptVersion, status: 'streaming' };
      const variants = slot < base.length ? updateAt(base, slot, () => fresh) : [...base, fresh];
      return { key: action.key, variants, selected: slot, pending: slot };
    }
    case 'generation': {
      const slot = state.pending;
      const g = action.state;
      if (slot === null || g.kind === 'idle' || !state.variants[slot]) return state;
      const status = g.kind;
      const variants = updateAt(state.variants, slot, (v) => ({
        ...v,
        text: g.text,
        status,
        ...(status === 'done' && action.id ? { id: action.id } : {}),
      }));
      return { ...state, variants, pending: status === 'streaming' ? slot : null };
    }
    case 'select':
      if (action.index < 0 || action.index >= state.variants.length) return state;
      return { ...state, selected: action.index };
    case 'append':
      // A line included before any draft starts a hand-written variant: no draft id, so neither stored nor rated.
      if (visibleVariants(state, action.key).length === 0) {
        const typed: Variant = { id: null, text: action.line, promptVersion: '', status: 'done' };
        return { key: action.key, variants: [typed], selected: 0, pending: null };
      }
    // falls through
    case 'edit': {
      const v = state.variants[state.selected];
      if (!v || state.pending === state.selected) return state;
      const text =
        action.type === 'edit' ? action.text : v.text.trim() ? `${v.text.trimEnd()}\n\n${action.line}` : action.line;
      return { ...state, variants: updateAt(state.variants, state.selected, (x) => ({ ...x, text })) };
    }
    case 'rate': {
      const v = state.variants[state.selected];
      if (!v?.id) return state;
      return {
        ...state,
        variants: updateAt(state.variants, state.selected, (x) => ({
          ...x,
          rating: { ...x.rating, ...action.rating },
        })),
      };
    }
    case 'scored': {
      const v = state.variants[action.index];
      // A score computed on text the rep has since changed is stale: the next debounce scores the new text.
      if (!v || v.text !== action.text) return state;
      return {
        ...state,
        variants: updateAt(state.variants, action.index, (x) => ({
          ...x,
          score: action.total,
          scoredText: action.text,
        })),
      };
    }
  }
}

/** Indexes of finished variants whose current text has no score yet. */
export function needsScore(variants: Variant[]): number[] {
  return variants.flatMap((v, i) => (v.status === 'done' && v.text.trim() && v.scoredText !== v.text ? [i] : []));
}

/** The next selected variant for a key press in the switcher (arrows wrap, Home/End jump), or null if not ours. */
export function nextIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** What the model is told for a further variant; the first variant is the plain prompt. */
export function variantInstruction(index: number, language: 'en' | 'zh'): string {
  return language === 'zh'
    ? `（备选版本 ${index + 1}：换一个角度写，开头不同、强调不同的要点；事实、语气、长度和语言保持不变。）`
    : `(Alternative version ${index + 1}: take a different angle from the earlier drafts — open differently and stress a different point; keep the same facts, tone, length and language.)`;
}

/**
 * The request for variant `index`: the same prompt, sampled hotter and asked for a different angle, so two variants
 * of the same options differ even on engines without a seed parameter (the protocol has none).
 */
export function variantRequest(base: ChatRequest, index: number, language: 'en' | 'zh'): ChatRequest {
  if (index === 0) return base;
  const messages = [...base.messages];
  const last = messages.findLastIndex((m) => m.role === 'user');
  if (last >= 0) {
    const m = messages[last]!;
    messages[last] = { ...m, content: `${m.content}\n\n${variantInstruction(index, language)}` };
  }
  const temperature = Math.min(1, (base.temperature ?? 0.6) + TEMPERATURE_STEP * index);
  return { ...base, messages, temperature };
}

/**
 * The variants of the reply draft: one generation at a time fills a slot; each finished variant is stored as its own
 * draft (with the prompt version) and scored; ratings and edits apply to the selected variant.
 */
export function useDraftVariants({
  expect,
  threadId,
  optionsKey: key,
  score,
}: {
  expect: Expectation;
  threadId: string;
  optionsKey: string;
  /** Scores a variant's text (in the AI host); rejects when scoring is unavailable. */
  score: (text: string) => Promise<number>;
}) {
  const [state, dispatch] = useReducer(variantsReducer, initialVariants);
  const generation = useGeneration(expect);
  const { state: gen, start: startGeneration } = generation;

  // Streamed text goes into the pending slot; a finished variant is stored as its own draft.
  useEffect(() => {
    if (gen.kind !== 'done') return dispatch({ type: 'generation', state: gen });
    const id = crypto.randomUUID();
    dispatch({ type: 'generation', state: gen, id });
  }, [gen]);

  const variants = visibleVariants(state, key);
  const selected = variants[state.selected] ?? null;

  // Each finished variant is stored once, as its own draft, when it gets its id.
  const ids = variants.map((v) => v.id ?? '').join('|');
  const latest = useLatest({ variants, score });
  useEffect(() => {
    const { variants } = latest.current;
    for (const v of variants) if (v.id && v.status === 'done') void putVariant(v, threadId).catch(() => undefined);
    // Only when a variant gets its id: edits are stored with the rating.
  }, [ids, threadId, latest]);

  // Each finished variant gets its own score, re-computed (debounced) after the rep edits it.
  const scoreKey = variants.map((v) => `${v.status}:${v.text}`).join('\u0000');
  useEffect(() => {
    const { variants, score } = latest.current;
    const todo = needsScore(variants);
    if (todo.length === 0) return;
    const timer = setTimeout(() => {
      for (const i of todo) {
        const text = variants[i]!.text;
        score(text).then(
          (total) => dispatch({ type: 'scored', index: i, text, total }),
          () => undefined,
        );
      }
    }, SCORE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // Re-run when a variant's text or status changes, not on each new array.
  }, [scoreKey, latest]);

  const generate = useCallback(
    (
      req: ChatRequest,
      opts: { promptVersion: string; language: 'en' | 'zh'; mode: 'replace' | 'add' },
      finish: (raw: string) => string,
    ) => {
      const slot = targetSlot(state, key, opts.mode);
      if (slot === null) return;
      dispatch({ type: 'start', key, promptVersion: opts.promptVersion, mode: opts.mode });
      startGeneration(variantRequest(req, slot, opts.language), finish);
    },
    [state, key, startGeneration],
  );

  return {
    variants,
    selectedIndex: state.selected,
    selected,
    generation: gen,
    streaming: gen.kind === 'streaming',
    canAdd: variants.length > 0 && variants.length < MAX_VARIANTS,
    generate,
    cancel: generation.cancel,
    select: (index: number) => dispatch({ type: 'select', index }),
    edit: (text: string) => dispatch({ type: 'edit', text }),
    append: (line: string) => dispatch({ type: 'append', line, key }),
    /** Rates the selected variant and stores it (with its current text); resolves with its prompt version. */
    rate: async (rating: Rating): Promise<string | null> => {
      if (!selected?.id) return null;
      dispatch({ type: 'rate', rating });
      await putVariant({ ...selected, rating: { ...selected.rating, ...rating } }, threadId);
      return selected.promptVersion;
    },
  };
}

/** Stores a variant as its own draft; the last write wins, so a rating stores the (possibly edited) text with it. */
async function putVariant(v: Variant, threadId: string): Promise<void> {
  if (!v.id) return;
  await request('store.putDraft', {
    draft: {
      id: v.id,
      threadId,
      body: v.text,
      createdAt: Date.now(),
      promptVersion: v.promptVersion,
      ...(v.rating ? { rating: v.rating } : {}),
    },
  });
}
