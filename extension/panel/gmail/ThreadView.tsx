import { useState } from 'react';
import { i18n } from '#i18n';
import { request } from '../../messaging/client';
import { SALES_INTENTS } from '../../../shared/common/ml/naive-bayes/presets';
import type { GmailPageState } from '../../messaging/page-state';
import type { Analysis } from './use-analysis';

type Thread = NonNullable<GmailPageState['thread']>;
type Message = Thread['messages'][number] & { recovered?: boolean };

const pct = (p: number) => `${Math.round(p * 100)}%`;

/** Each message of the thread with its on-device intent (and the words behind it); a correction teaches the model. */
export function ThreadView({
  thread,
  analysis,
  onCorrected,
}: {
  thread: Thread;
  analysis: Map<string, Analysis>;
  onCorrected: () => void;
}) {
  return (
    <section aria-labelledby="thread-h" data-testid="thread-view">
      <h2 id="thread-h">{thread.subject || i18n.t('gmail.noSubject')}</h2>
      <ol className="messages">
        {thread.messages.map((m) => (
          <MessageItem
            key={m.id}
            message={m}
            analysis={analysis.get(m.id)}
            mine={m.from.email === thread.selfEmail}
            onCorrected={onCorrected}
          />
        ))}
      </ol>
    </section>
  );
}

const SHOWN_CHARS = 600;

/** The message text with the sentences that drive its sentiment marked (positive or negative, not neutral). */
function Highlighted({ text, sentiment }: { text: string; sentiment: Analysis['sentiment'] }) {
  const shown = text.slice(0, SHOWN_CHARS);
  const parts: Array<{ text: string; label: string | null }> = [];
  let at = 0;
  for (const s of sentiment?.sentences ?? []) {
    if (s.start >= shown.length) break;
    if (s.label === 'neutral' || s.start < at) continue;
    if (s.start > at) parts.push({ text: shown.slice(at, s.start), label: null });
    parts.push({ text: shown.slice(s.start, Math.min(s.end, shown.length)), label: s.label });
    at = Math.min(s.end, shown.length);
  }
  parts.push({ text: shown.slice(at), label: null });
  return (
    <>
      {parts.map((p, i) =>
        p.label ? (
          <mark key={i} className={p.label} data-sentence-label={p.label}>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
      {text.length > SHOWN_CHARS ? '…' : ''}
    </>
  );
}

function MessageItem({
  message,
  analysis,
  mine,
  onCorrected,
}: {
  message: Message;
  analysis: Analysis | undefined;
  mine: boolean;
  onCorrected: () => void;
}) {
  const [saving, setSaving] = useState(false);
  const intent = analysis?.intent ?? null;
  const correct = (label: string) => {
    setSaving(true);
    request('host.learnIntent', {
      text: message.bodyText,
      label: label as (typeof SALES_INTENTS)[number],
      previous: (intent?.label as (typeof SALES_INTENTS)[number] | undefined) ?? undefined,
    }).then(
      () => (setSaving(false), onCorrected()),
      () => setSaving(false),
    );
  };
  return (
    <li
      className="message"
      data-testid="message"
      data-message-id={message.id}
      data-collapsed={message.collapsed}
      data-recovered={message.recovered ?? false}
    >
      <div className="meta">
        <strong>{message.from.name || message.from.email}</strong>
        {mine && <span className="badge">{i18n.t('gmail.you')}</span>}
        {message.collapsed && (
          <span className="badge" data-testid="collapsed-badge">
            {i18n.t('gmail.collapsedBadge')}
          </span>
        )}
        <span className="muted">{message.dateText}</span>
      </div>
      {message.collapsed && (
        <p className="muted" data-testid="collapsed-note">
          {message.bodyText ? i18n.t('gmail.recoveredNote') : message.snippet ? i18n.t('gmail.snippetNote') : ''}
        </p>
      )}
      {/* Text only: the body is rendered by React as strings, never as HTML. */}
      <p className="body" data-testid="message-body">
        {message.bodyText ? (
          <Highlighted text={message.bodyText} sentiment={analysis?.sentiment ?? null} />
        ) : message.collapsed ? (
          message.snippet || i18n.t('gmail.collapsed')
        ) : (
          ''
        )}
      </p>
      {message.signatureText && (
        <p className="muted signature" data-testid="message-signature">
          <span className="sr-only">{i18n.t('gmail.signature')}: </span>
          {message.signatureText}
        </p>
      )}
      {analysis?.sentiment && (
        <div className="sentiment" data-testid="sentiment" data-sentiment={analysis.sentiment.label}>
          <span>{i18n.t('gmail.sentiment')}</span>{' '}
          <span className={`badge ${analysis.sentiment.label}`}>
            {i18n.t(`gmail.sentiments.${analysis.sentiment.label}`)}
          </span>{' '}
          {pct(analysis.sentiment.score)}
        </div>
      )}
      {!mine && (
        <div className="intent" data-testid="intent" data-intent={intent?.label ?? ''}>
          <span>{i18n.t('gmail.intent')}</span>{' '}
          {intent ? (
            <>
              <span className="badge">{i18n.t(`intents.${intent.label}` as 'intents.interested')}</span>{' '}
              {pct(intent.probability)}
              {intent.features.length > 0 && (
                <span className="muted" title={i18n.t('gmail.because')}>
                  {' '}
                  · {intent.features.map((f) => f.token).join(', ')}
                </span>
              )}
            </>
          ) : (
            <span className="muted">{i18n.t('gmail.unknown')}</span>
          )}
          <label className="correct">
            <span className="sr-only">{i18n.t('gmail.correctIntent')}</span>
            <select
              aria-label={i18n.t('gmail.correctIntent')}
              value=""
              disabled={saving || !message.bodyText}
              onChange={(e) => e.target.value && correct(e.target.value)}
              data-testid="intent-correct"
            >
              <option value="">{i18n.t('gmail.correctIntent')}</option>
              {SALES_INTENTS.map((label) => (
                <option key={label} value={label}>
                  {i18n.t(`intents.${label}` as 'intents.interested')}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </li>
  );
}
