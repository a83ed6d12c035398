import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { i18n } from '#i18n';
import type { Expectation } from '../messaging/methods';
import { useGeneration } from '../ui/use-generation';

/** A prompt box whose answer streams in from the AI host. Ctrl/Cmd+Enter sends; Escape stops. */
export function AskBox({ expect, disabledReason }: { expect: Expectation; disabledReason: string | null }) {
  const inputId = useId();
  const [prompt, setPrompt] = useState('');
  const { state, start, cancel } = useGeneration(expect);
  const streaming = state.kind === 'streaming';

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (prompt.trim() && !streaming && !disabledReason)
      start({ messages: [{ role: 'user', content: prompt }], maxTokens: 512 });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
    if (e.key === 'Escape' && streaming) cancel();
  };

  return (
    <form className="ask" onSubmit={submit} data-testid="ask-form">
      <label htmlFor={inputId}>{i18n.t('panel.ask.label')}</label>
      <textarea
        id={inputId}
        value={prompt}
        rows={3}
        placeholder={i18n.t('panel.ask.placeholder')}
        onChange={(e) => setPrompt(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid="ask-input"
      />
      <div className="row">
        <button
          type="submit"
          disabled={streaming || !prompt.trim() || disabledReason !== null}
          aria-describedby={disabledReason ? `${inputId}-off` : undefined}
          data-testid="ask-submit"
        >
          {i18n.t('panel.ask.submit')}
        </button>
        <button type="button" onClick={cancel} disabled={!streaming} data-testid="ask-cancel">
          {i18n.t('panel.ask.cancel')}
        </button>
        {streaming && (
          <span className="muted" role="status">
            {i18n.t('panel.ask.streaming')}
          </span>
        )}
      </div>
      {disabledReason && (
        <p id={`${inputId}-off`} className="muted" role="note" data-testid="generation-off">
          {disabledReason}
        </p>
      )}
      {state.kind !== 'idle' && (
        <output className="answer" aria-live="polite" data-testid="answer" data-state={state.kind}>
          {state.text}
        </output>
      )}
      {(state.kind === 'done' || state.kind === 'cancelled') && (
        <p className="muted" data-testid="answer-meta">
          {state.kind === 'cancelled' ? i18n.t('panel.error.cancelled') + ' ' : ''}
          {i18n.t('panel.ask.tokens', [String(state.tokens)])}
        </p>
      )}
      {state.kind === 'error' && (
        <p className="error" role="alert" data-testid="answer-error">
          {i18n.t('panel.error.generic', [state.message])}{' '}
          <button type="button" onClick={() => submit()}>
            {i18n.t('panel.error.retry')}
          </button>
        </p>
      )}
    </form>
  );
}
