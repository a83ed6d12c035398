import { useCallback, useEffect, useId, useState } from 'react';
import { i18n } from '#i18n';
import { followUpTemplate } from '../../../shared/common/followups';
import { buildFollowUpPrompt, postprocess } from '../../../shared/common/prompts';
import { greetedName, styleForLanguage, usableStyle, type StyleProfile } from '../../../shared/common/style';
import { request } from '../../messaging/client';
import type { FollowUpItem } from '../../messaging/style-methods';
import { DEFAULT_SETTINGS, settingsItem } from '../../storage/settings';
import { styledDraft } from '../../ui/styled-draft';
import { useGeneration } from '../../ui/use-generation';

const CJK = /[\u4e00-\u9fff]/;

/** The language of a follow-up: that of the first message, else the rep's usual one. */
function languageOf(item: FollowUpItem, profile: StyleProfile | null): 'en' | 'zh' {
  const sample = item.firstMessage ?? item.subject ?? '';
  if (sample) return CJK.test(sample) ? 'zh' : 'en';
  return (profile?.zhShare ?? 0) >= 0.5 ? 'zh' : 'en';
}

const formatDay = (at: number, language: 'en' | 'zh') =>
  new Date(at).toLocaleDateString(language === 'zh' ? 'zh-CN' : 'en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  });

/** The no-generator draft of one item: names the first message and the persona's focus, in the rep's style. */
export function templateDraft(item: FollowUpItem, profile: StyleProfile | null): string {
  const language = languageOf(item, profile);
  return followUpTemplate({
    language,
    // The persona's name, else whom the first message greeted.
    recipientName: item.name ?? (item.firstMessage ? greetedName(item.firstMessage) : null),
    ...(item.subject ? { subject: item.subject } : {}),
    sentOn: formatDay(item.firstSentAt, language),
    ...(item.focus ? { focus: item.focus } : {}),
    profile: profile ? styleForLanguage(profile, language) : null,
  });
}

/** Tagged sends without a reply after N business days, each with a follow-up the rep reviews and inserts in Gmail. */
export default function FollowUpsTab() {
  const [items, setItems] = useState<FollowUpItem[] | null>(null);
  const [businessDays, setBusinessDays] = useState(3);
  const [profile, setProfile] = useState<StyleProfile | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const style = await request('style.get', {});
      setProfile(style.enabled ? usableStyle(style.profile) : null);
      const res = await request('followups.list', {
        now: Date.now(),
        offsetMinutes: -new Date().getTimezoneOffset(),
        locale: navigator.language,
      });
      setItems(res.items);
      setBusinessDays(res.businessDays);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, []);
  useEffect(() => {
    void load();
    // The list changes as time passes and replies arrive: look again when the rep comes back to the panel.
    const again = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', again);
    return () => document.removeEventListener('visibilitychange', again);
  }, [load]);

  return (
    <section aria-labelledby="followups-h" data-testid="followups">
      <h2 id="followups-h">{i18n.t('followups.title')}</h2>
      <p className="muted">{i18n.t('followups.intro', [String(businessDays)])}</p>
      {error && (
        <p className="error" role="alert">
          {i18n.t('followups.error', [error])}
        </p>
      )}
      {items?.length === 0 && <p data-testid="followups-none">{i18n.t('followups.none')}</p>}
      <ul>
        {items?.map((item) => (
          <FollowUpRow key={item.threadId} item={item} profile={profile} onDone={() => void load()} />
        ))}
      </ul>
    </section>
  );
}

function FollowUpRow({
  item,
  profile,
  onDone,
}: {
  item: FollowUpItem;
  profile: StyleProfile | null;
  onDone: () => void;
}) {
  const id = useId();
  const [text, setText] = useState(() => templateDraft(item, profile));
  const [notice, setNotice] = useState<string | null>(null);
  const [engine, setEngine] = useState(DEFAULT_SETTINGS.engine);
  const { state, start } = useGeneration(engine);
  const language = languageOf(item, profile);
  useEffect(() => {
    void settingsItem.getValue().then((s) => setEngine(s.engine));
  }, []);
  useEffect(() => {
    if (state.kind === 'done' && state.text.trim()) setText(state.text);
  }, [state]);

  const draftWithModel = () => {
    const prompt = buildFollowUpPrompt({
      context: [
        {
          from: 'me',
          fromMe: true,
          sentAt: new Date(item.firstSentAt).toISOString().slice(0, 10),
          body: item.firstMessage ?? item.subject ?? '',
        },
      ],
      persona: {
        ...(item.name ? { name: item.name } : {}),
        ...(item.focus ? { painPoints: [item.focus] } : {}),
        ...(item.personaTone ? { preferredTone: item.personaTone } : {}),
      },
      constraints: { language, length: 'short' },
      grounding: [],
    });
    const styled = styledDraft(
      { messages: prompt.messages, maxTokens: prompt.maxTokens, temperature: prompt.temperature },
      profile,
      language,
      item.name ?? undefined,
    );
    start(styled.request, (raw) => styled.finish(postprocess(raw, prompt.output).text));
  };

  const insert = async () => {
    try {
      await request('followups.open', { threadId: item.threadId, text });
      setNotice(i18n.t('followups.opened'));
    } catch (err) {
      setNotice(i18n.t('followups.error', [err instanceof Error ? err.message : String(err)]));
    }
  };
  const dismiss = async () => {
    await request('followups.dismiss', { threadId: item.threadId }).catch(() => undefined);
    onDone();
  };

  const who = item.name ?? item.contactId;
  return (
    <li className="ask" data-testid="followup-item" data-thread={item.threadId}>
      <strong>{item.subject ?? who}</strong>
      <p className="muted">
        {who} · {i18n.t('followups.sent', [formatDay(item.firstSentAt, language)])} ·{' '}
        {i18n.t('followups.due', [formatDay(item.dueAt, language)])}
      </p>
      {item.firstMessage && (
        <details>
          <summary>{i18n.t('followups.firstMessage')}</summary>
          <p style={{ whiteSpace: 'pre-wrap' }}>{item.firstMessage}</p>
        </details>
      )}
      <label htmlFor={id}>{i18n.t('followups.draftLabel', [who])}</label>
      <textarea
        id={id}
        rows={7}
        value={state.kind === 'streaming' ? state.text : text}
        readOnly={state.kind === 'streaming'}
        onChange={(e) => setText(e.target.value)}
        data-testid="followup-text"
      />
      {state.kind === 'error' && (
        <p className="error" role="alert">
          {i18n.t('panel.error.generic', [state.message])}
        </p>
      )}
      <div className="row wrap">
        <button
          type="button"
          onClick={() => void insert()}
          disabled={!text.trim() || state.kind === 'streaming'}
          data-testid="followup-insert"
        >
          {i18n.t('followups.insert')}
        </button>
        <button type="button" onClick={draftWithModel} disabled={state.kind === 'streaming'}>
          {i18n.t('followups.draftWithModel')}
        </button>
        <button type="button" onClick={() => void dismiss()} data-testid="followup-dismiss">
          {i18n.t('followups.dismiss')}
        </button>
      </div>
      {notice && (
        <p role="status" data-testid="followup-status">
          {notice}
        </p>
      )}
    </li>
  );
}
