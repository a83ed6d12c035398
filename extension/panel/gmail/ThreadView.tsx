import { useState } from 'react';
import { i18n } from '#i18n';
import { request } from '../../messaging/client';
import { SALES_INTENTS } from '../../../shared/common/ml/naive-bayes/presets';
import type { GmailPageState } from '../../messaging/page-state';
import type { Analysis } from './use-analysis';

type Thread = NonNullable<GmailPageState['thread']>;

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

function MessageItem({
  message,
  analysis,
  mine,
  onCorrected,
}: {
  message: Thread['messages'][number];
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
    <li className="message" data-testid="message" data-message-id={message.id}>
      <div className="meta">
        <strong>{message.from.name || message.from.email}</strong>
        {mine && <span className="badge">{i18n.t('gmail.you')}</span>}
        <span className="muted">{message.dateText}</span>
      </div>
      {/* Text only: the body is rendered by React as a string, never as HTML. */}
      <p className="body" data-testid="message-body">
        {message.collapsed ? i18n.t('gmail.collapsed') : message.bodyText.slice(0, 600)}
        {message.bodyText.length > 600 ? '…' : ''}
      </p>
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
              disabled={saving}
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
