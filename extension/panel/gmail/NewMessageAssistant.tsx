import { useId, useState } from 'react';
import { i18n } from '#i18n';
import {
  buildColdEmailPrompt,
  buildFollowUpPrompt,
  buildSubjectLinesPrompt,
  parseSubjectLines,
  postprocess,
  type PromptInput,
  type PromptRequest,
} from '../../../shared/common/prompts';
import { request } from '../../messaging/client';
import type { Expectation } from '../../messaging/methods';
import type { GmailPageState } from '../../messaging/page-state';
import { useGeneration } from '../../ui/use-generation';
import { ContactPersonaView, useContactPersona } from './ContactPersona';
import {
  callToActionFor,
  NEW_MESSAGE_KINDS,
  newMessageGrounding,
  personaHint,
  type NewMessageKind,
} from './compose-context';
import { LiveScore } from './LiveScore';
import { RewriteTool } from './RewriteTool';
import { splitFacts } from './thread-context';

type Compose = GmailPageState['composes'][number];
const SUBJECTS = 5;

/**
 * The assistant for a compose without a thread (a new message, popup or full screen): who the recipient is, a
 * persona-aware draft of the kind the rep picks, subject lines, the live check, and rewriting.
 */
export function NewMessageAssistant({
  compose,
  expect,
  disabledReason,
  shortcut,
}: {
  compose: Compose;
  expect: Expectation;
  disabledReason: string | null;
  shortcut?: GmailPageState['rewriteRequest'];
}) {
  const ids = { kind: useId(), lang: useId(), notes: useId(), facts: useId(), text: useId() };
  const recipient = compose.to[0] ?? '';
  const { local, synced } = useContactPersona(recipient);
  const persona = personaHint(local, synced === 'offline' ? null : synced);
  const [kind, setKind] = useState<NewMessageKind>('cold');
  const [language, setLanguage] = useState<'en' | 'zh'>(navigator.language.startsWith('zh') ? 'zh' : 'en');
  const [notes, setNotes] = useState('');
  const [facts, setFacts] = useState('');
  const [text, setText] = useState('');
  const [subject, setSubject] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const draft = useGeneration(expect);
  const subjects = useGeneration(expect);
  const grounding = newMessageGrounding(splitFacts(facts), compose.to, persona);
  const streaming = draft.state.kind === 'streaming';

  const input = (): PromptInput => ({
    ...(persona ? { persona } : {}),
    // The rep's notes and what they already wrote are material for the email, not instructions to the model.
    context: [notes.trim(), compose.bodyText.trim()].filter(Boolean).join('\n\n'),
    constraints: { language, ...optional('callToAction', callToActionFor(kind, notes, language)) },
    grounding,
  });
  const run = (prompt: PromptRequest) => {
    setNotice(null);
    setSubject(null);
    draft.start({ messages: prompt.messages, maxTokens: prompt.maxTokens, temperature: prompt.temperature }, (raw) => {
      const out = postprocess(raw, prompt.output);
      if (out.subject) setSubject(out.subject);
      setText(out.text);
      return out.text;
    });
  };
  const generate = () => {
    const base = input();
    // A follow-up continues what the rep wrote; every other kind is a first touch (meeting: with that ask).
    if (kind === 'followUp') run(buildFollowUpPrompt({ ...base, constraints: { language } }));
    else run(buildColdEmailPrompt(kind === 'custom' ? { ...base, constraints: { language } } : base));
  };
  const suggestSubjects = () => {
    const body = text.trim() || compose.bodyText.trim() || notes.trim();
    const prompt = buildSubjectLinesPrompt({ ...input(), context: body, n: SUBJECTS });
    subjects.start({ messages: prompt.messages, maxTokens: prompt.maxTokens, temperature: prompt.temperature });
  };
  const shown = draft.state.kind === 'streaming' ? draft.state.text : text;

  const insert = async () => {
    const res = await request('page.insertDraft', { composeIndex: compose.index, text, replaceSelection: false }).catch(
      (err: unknown) => ({ ok: false, reason: err instanceof Error ? err.message : String(err) }),
    );
    if (res.ok) return setNotice(i18n.t('draft.inserted'));
    await navigator.clipboard.writeText(text).catch(() => undefined);
    setNotice(i18n.t('draft.copied', [res.reason ?? 'unknown']));
  };
  const applySubject = async (value: string) => {
    const res = await request('page.setSubject', { composeIndex: compose.index, subject: value }).catch(() => ({
      ok: false,
    }));
    setNotice(res.ok ? i18n.t('compose.subjectSet') : i18n.t('compose.subjectFailed'));
  };
  const subjectLines = subjects.state.kind === 'done' ? parseSubjectLines(subjects.state.text, SUBJECTS) : [];

  return (
    <>
      <section className="contact" aria-labelledby="new-contact-h" data-testid="new-contact">
        <h2 id="new-contact-h">{recipient || i18n.t('compose.noRecipient')}</h2>
        {recipient && (
          <>
            <p className="muted">
              {local?.name ? `${local.name} · ` : ''}
              {recipient.split('@')[1] ?? ''}
              {compose.to.length > 1 ? ` · ${i18n.t('compose.moreRecipients', [String(compose.to.length - 1)])}` : ''}
            </p>
            <ContactPersonaView local={local} synced={synced} />
          </>
        )}
      </section>

      <section aria-labelledby="new-draft-h" className="ask" data-testid="new-draft">
        <h2 id="new-draft-h">{i18n.t('compose.title')}</h2>
        <div className="row wrap">
          <label htmlFor={ids.kind}>{i18n.t('compose.kind')}</label>
          <select
            id={ids.kind}
            value={kind}
            onChange={(e) => setKind(e.target.value as NewMessageKind)}
            data-testid="new-kind"
          >
            {NEW_MESSAGE_KINDS.map((k) => (
              <option key={k} value={k}>
                {i18n.t(`compose.kinds.${k}`)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.lang}>{i18n.t('draft.language')}</label>
          <select id={ids.lang} value={language} onChange={(e) => setLanguage(e.target.value as 'en' | 'zh')}>
            <option value="en">English</option>
            <option value="zh">中文</option>
          </select>
        </div>
        <label htmlFor={ids.notes}>{kind === 'custom' ? i18n.t('compose.instruction') : i18n.t('compose.notes')}</label>
        <textarea
          id={ids.notes}
          rows={2}
          value={notes}
          placeholder={i18n.t('compose.notesPlaceholder')}
          onChange={(e) => setNotes(e.target.value)}
        />
        <label htmlFor={ids.facts}>{i18n.t('draft.facts')}</label>
        <textarea
          id={ids.facts}
          rows={2}
          value={facts}
          onChange={(e) => setFacts(e.target.value)}
          data-testid="new-facts"
        />
        <div className="row">
          <button
            type="button"
            onClick={generate}
            disabled={streaming || disabledReason !== null || (kind === 'custom' && !notes.trim())}
            data-testid="new-generate"
          >
            {i18n.t('compose.generate')}
          </button>
          <button type="button" onClick={draft.cancel} disabled={!streaming}>
            {i18n.t('draft.stop')}
          </button>
        </div>
        {disabledReason && (
          <p className="muted" role="note">
            {disabledReason}
          </p>
        )}
        {(shown || streaming) && (
          <>
            <label htmlFor={ids.text} className="sr-only">
              {i18n.t('compose.title')}
            </label>
            <textarea
              id={ids.text}
              rows={8}
              value={shown}
              readOnly={streaming}
              onChange={(e) => setText(e.target.value)}
              data-testid="new-text"
              data-state={draft.state.kind}
            />
            <div className="row wrap">
              <button
                type="button"
                onClick={() => void insert()}
                disabled={streaming || !text.trim()}
                data-testid="new-insert"
              >
                {i18n.t('compose.insert')}
              </button>
              {subject && (
                <button type="button" onClick={() => void applySubject(subject)} data-testid="new-use-subject">
                  {i18n.t('compose.useSubject', [subject])}
                </button>
              )}
            </div>
          </>
        )}
        {draft.state.kind === 'error' && (
          <p className="error" role="alert">
            {i18n.t('panel.error.generic', [draft.state.message])}
          </p>
        )}
        <div className="row">
          <button
            type="button"
            onClick={suggestSubjects}
            disabled={subjects.state.kind === 'streaming' || disabledReason !== null}
            data-testid="suggest-subjects"
          >
            {i18n.t('compose.suggestSubjects')}
          </button>
        </div>
        {subjectLines.length > 0 && (
          <ul data-testid="subject-lines" aria-label={i18n.t('compose.subjects')}>
            {subjectLines.map((line) => (
              <li key={line}>
                <span>{line}</span>{' '}
                <button type="button" onClick={() => void applySubject(line)}>
                  {i18n.t('compose.use')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {subjects.state.kind === 'error' && (
          <p className="error" role="alert">
            {i18n.t('panel.error.generic', [subjects.state.message])}
          </p>
        )}
        {notice && (
          <p role="status" data-testid="new-notice">
            {notice}
          </p>
        )}
      </section>
      <RewriteTool compose={compose} expect={expect} disabledReason={disabledReason} shortcut={shortcut} />
      <LiveScore
        compose={compose}
        subject={compose.subject}
        recipientName={local?.name ?? persona?.name}
        grounding={grounding}
      />
    </>
  );
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
