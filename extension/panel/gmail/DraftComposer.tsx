import { useCallback, useId, useState } from 'react';
import { i18n } from '#i18n';
import { buildReplyDraftPrompt, buildSupportReplyPrompt, postprocess, promptRef } from '../../../shared/common/prompts';
import { request } from '../../messaging/client';
import type { Expectation } from '../../messaging/methods';
import type { GmailPageState } from '../../messaging/page-state';
import { draftGrounding, promptContext, splitFacts, threadLanguage } from './thread-context';
import { RecommendedItem } from './RecommendedItem';
import { CampaignTagger } from './CampaignTagger';
import { DraftVariants } from './DraftVariants';
import { optionsKey, useDraftVariants } from './use-draft-variants';
import { StyleSwitch } from './StyleSwitch';
import { styledDraft } from '../../ui/styled-draft';
import type { StyleProfile } from '../../../shared/common/style';
import { knowledgeFor, type ReplyMode } from './compose-context';

type Thread = NonNullable<GmailPageState['thread']>;
const TONES = ['friendly', 'formal', 'concise', 'persuasive'] as const;
const LENGTHS = ['short', 'medium', 'long'] as const;

/**
 * Drafts a reply on-device, grounded only on the thread and the team's product facts; the rep edits, inserts it
 * into Gmail's reply (or gets it on the clipboard when insertion fails), and rates it.
 */
export function DraftComposer({
  thread,
  composes,
  expect,
  disabledReason,
  facts,
  onFactsChange,
  style = null,
  suggestedMode,
}: {
  thread: Thread;
  /** Support or sales, from the intent and sentiment of their latest message; the rep can switch. */
  suggestedMode: ReplyMode;
  composes: GmailPageState['composes'];
  expect: Expectation;
  disabledReason: string | null;
  /** The team's product facts for this reply, one per line (shared with the live check). */
  facts: string;
  onFactsChange: (facts: string) => void;
  /** The rep's style profile, when one was learned and drafts use it (issue #20). */
  style?: StyleProfile | null;
}) {
  const ids = {
    mode: useId(),
    tone: useId(),
    length: useId(),
    lang: useId(),
    goal: useId(),
    facts: useId(),
    text: useId(),
  };
  const [tone, setTone] = useState<(typeof TONES)[number]>('friendly');
  const [length, setLength] = useState<(typeof LENGTHS)[number]>('short');
  const [language, setLanguage] = useState<'en' | 'zh'>(threadLanguage(thread));
  const [goal, setGoal] = useState('');
  const [modeChoice, setModeChoice] = useState<ReplyMode | null>(null);
  const mode = modeChoice ?? suggestedMode;
  const [notice, setNotice] = useState<string | null>(null);
  // Per draft: the rep may switch the style off for this reply only.
  const [useMine, setUseMine] = useState(true);
  const mine = useMine ? style : null;
  // Up to three variants of the current options, each its own stored draft with its own score and rating.
  const v = useDraftVariants({
    expect,
    threadId: thread.threadId,
    optionsKey: optionsKey({
      tone,
      length,
      language,
      goal: `${mode}|${goal}`,
      facts: `${facts}\u0000${mine ? 'style' : ''}`,
    }),
    score: (body) =>
      request('host.scoreDraft', {
        subject: thread.subject,
        body,
        grounding: draftGrounding(thread, splitFacts(facts)),
      }).then((s) => s.total),
  });
  const text = v.selected?.text ?? '';
  const draftId = v.selected?.status === 'done' ? v.selected.id : null;
  const state = v.generation;
  const cancel = v.cancel;
  // A campaign variant's tone, when it is one the composer offers, becomes the draft's tone.
  const adoptTone = useCallback((v: { tone: string } | null) => {
    const t = TONES.find((x) => x === v?.tone);
    if (t) setTone(t);
  }, []);
  const streaming = v.streaming;

  const generate = async (slot: 'replace' | 'add' = 'replace') => {
    const input = {
      context: promptContext(thread),
      constraints: { language, length, tone, ...(goal.trim() ? { callToAction: goal.trim() } : {}) },
      grounding: splitFacts(facts),
    };
    let prompt;
    if (mode === 'support') {
      // Support answers come from the team's facts and the catalogue items that match the customer's words.
      const latest = thread.messages.findLast((m) => m.from.email !== thread.selfEmail)?.bodyText ?? '';
      const items = await request('catalogue.list', {}).then(
        (r) => r.items,
        () => [],
      );
      prompt = buildSupportReplyPrompt({ ...input, grounding: [...input.grounding, ...knowledgeFor(items, latest)] });
    } else prompt = buildReplyDraftPrompt(input);
    setNotice(null);
    const recipient = thread.messages.findLast((m) => m.from.email !== thread.selfEmail)?.from.name;
    const styled = styledDraft(
      { messages: prompt.messages, maxTokens: prompt.maxTokens, temperature: prompt.temperature, stop: prompt.stop },
      mine,
      language,
      recipient,
    );
    v.generate(styled.request, { promptVersion: promptRef(prompt), language, mode: slot }, (raw) =>
      styled.finish(postprocess(raw, prompt.output).text),
    );
  };

  const insert = async () => {
    const target = composes.find((c) => c.kind === 'inline' || c.kind === 'reply') ?? composes[0];
    if (!target) return setNotice(i18n.t('draft.noCompose'));
    const res = await request('page.insertDraft', {
      composeIndex: target.index,
      text,
      replaceSelection: false,
      ...(draftId ? { draftId } : {}),
    }).catch((err: unknown) => ({ ok: false, reason: err instanceof Error ? err.message : String(err) }));
    if (res.ok) return setNotice(i18n.t('draft.inserted'));
    await navigator.clipboard.writeText(text).catch(() => undefined);
    setNotice(i18n.t('draft.copied', [res.reason ?? 'unknown']));
  };

  const rate = (rating: { thumb?: 'up' | 'down'; stars?: number }) => {
    void v.rate(rating).then(
      (version) => version !== null && setNotice(i18n.t('draft.rated', [version])),
      (err: unknown) => setNotice(i18n.t('panel.error.generic', [err instanceof Error ? err.message : String(err)])),
    );
  };

  return (
    <section aria-labelledby="draft-h" className="ask" data-testid="draft">
      <h2 id="draft-h">{i18n.t('draft.title')}</h2>
      <div className="row wrap">
        <label htmlFor={ids.mode}>{i18n.t('draft.mode')}</label>
        <select
          id={ids.mode}
          value={mode}
          onChange={(e) => setModeChoice(e.target.value as ReplyMode)}
          data-testid="draft-mode"
          data-suggested={suggestedMode}
        >
          <option value="sales">{i18n.t('draft.modes.sales')}</option>
          <option value="support">{i18n.t('draft.modes.support')}</option>
        </select>
      </div>
      <div className="row wrap">
        <label htmlFor={ids.tone}>{i18n.t('draft.tone')}</label>
        <select id={ids.tone} value={tone} onChange={(e) => setTone(e.target.value as typeof tone)}>
          {TONES.map((t) => (
            <option key={t} value={t}>
              {i18n.t(`draft.tones.${t}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.length}>{i18n.t('draft.length')}</label>
        <select id={ids.length} value={length} onChange={(e) => setLength(e.target.value as typeof length)}>
          {LENGTHS.map((l) => (
            <option key={l} value={l}>
              {i18n.t(`draft.lengths.${l}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.lang}>{i18n.t('draft.language')}</label>
        <select id={ids.lang} value={language} onChange={(e) => setLanguage(e.target.value as 'en' | 'zh')}>
          <option value="en">English</option>
          <option value="zh">中文</option>
        </select>
      </div>
      <label htmlFor={ids.goal}>{i18n.t('draft.goal')}</label>
      <input
        id={ids.goal}
        value={goal}
        placeholder={i18n.t('draft.goalPlaceholder')}
        onChange={(e) => setGoal(e.target.value)}
      />
      <CampaignTagger
        draftId={draftId}
        threadId={thread.threadId}
        recipient={thread.messages.findLast((m) => m.from.email !== thread.selfEmail)?.from.email}
        rep={thread.selfEmail}
        onVariant={adoptTone}
      />
      <label htmlFor={ids.facts}>{i18n.t('draft.facts')}</label>
      <textarea
        id={ids.facts}
        rows={2}
        value={facts}
        onChange={(e) => onFactsChange(e.target.value)}
        data-testid="draft-facts"
      />
      <RecommendedItem thread={thread} onInclude={v.append} />
      {style && <StyleSwitch profile={style} checked={useMine} onChange={setUseMine} language={language} />}
      <div className="row">
        <button
          type="button"
          onClick={() => void generate('replace')}
          disabled={streaming || disabledReason !== null}
          data-testid="draft-generate"
        >
          {text ? i18n.t('draft.regenerate') : i18n.t('draft.generate')}
        </button>
        <button type="button" onClick={cancel} disabled={!streaming}>
          {i18n.t('draft.stop')}
        </button>
      </div>
      {disabledReason && (
        <p className="muted" role="note">
          {disabledReason}
        </p>
      )}
      <DraftVariants
        variants={v.variants}
        selected={v.selectedIndex}
        onSelect={v.select}
        onAnother={() => void generate('add')}
        canAdd={v.canAdd && disabledReason === null}
        busy={streaming}
        panelId={ids.text}
      />
      {(text || streaming) && (
        <>
          <label htmlFor={ids.text} className="sr-only">
            {i18n.t('draft.title')}
          </label>
          <textarea
            id={ids.text}
            rows={8}
            value={text}
            readOnly={v.selected?.status === 'streaming'}
            onChange={(e) => v.edit(e.target.value)}
            data-testid="draft-text"
            data-state={v.selected?.status ?? state.kind}
            data-variant={v.selectedIndex + 1}
            data-draft-id={draftId ?? undefined}
          />
          <div className="row wrap">
            <button
              type="button"
              onClick={() => void insert()}
              disabled={streaming || !text.trim()}
              data-testid="draft-insert"
            >
              {i18n.t('draft.insert')}
            </button>
            <span className="muted">{i18n.t('draft.rate')}</span>
            <button
              type="button"
              aria-label={i18n.t('draft.thumbUp')}
              disabled={!draftId}
              onClick={() => rate({ thumb: 'up' })}
              data-testid="rate-up"
            >
              👍
            </button>
            <button
              type="button"
              aria-label={i18n.t('draft.thumbDown')}
              disabled={!draftId}
              onClick={() => rate({ thumb: 'down' })}
            >
              👎
            </button>
            {[1, 2, 3, 4, 5].map((n) => (
              <button
                key={n}
                type="button"
                aria-label={i18n.t('draft.stars', [String(n)])}
                disabled={!draftId}
                onClick={() => rate({ stars: n })}
              >
                {n}★
              </button>
            ))}
          </div>
        </>
      )}
      {state.kind === 'error' && (
        <p className="error" role="alert" data-testid="draft-error">
          {i18n.t('panel.error.generic', [state.message])}
        </p>
      )}
      {notice && (
        <p role="status" data-testid="draft-notice">
          {notice}
        </p>
      )}
    </section>
  );
}
