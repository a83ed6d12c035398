import { i18n } from '#i18n';
import { buildThreadSummaryPrompt, postprocess } from '../../../shared/common/prompts';
import type { Expectation } from '../../messaging/methods';
import type { GmailPageState } from '../../messaging/page-state';
import { useGeneration } from '../../ui/use-generation';
import { promptContext, threadLanguage } from './thread-context';

type Thread = NonNullable<GmailPageState['thread']>;

/** A summary of the thread on demand, generated on-device from the thread alone. */
export function ThreadSummary({
  thread,
  expect,
  disabledReason,
}: {
  thread: Thread;
  expect: Expectation;
  disabledReason: string | null;
}) {
  const { state, start, cancel } = useGeneration(expect);
  const summarise = () => {
    const prompt = buildThreadSummaryPrompt({
      context: promptContext(thread),
      constraints: { language: threadLanguage(thread) },
      grounding: [],
    });
    start(
      { messages: prompt.messages, maxTokens: prompt.maxTokens, temperature: prompt.temperature },
      (raw) => postprocess(raw, prompt.output).text,
    );
  };
  return (
    <div className="summary">
      <div className="row">
        <button
          type="button"
          onClick={summarise}
          disabled={state.kind === 'streaming' || disabledReason !== null}
          data-testid="summarise"
        >
          {i18n.t('gmail.summarise')}
        </button>
        {state.kind === 'streaming' && (
          <button type="button" onClick={cancel}>
            {i18n.t('draft.stop')}
          </button>
        )}
      </div>
      {state.kind !== 'idle' && (
        <output className="answer" aria-live="polite" data-testid="summary" data-state={state.kind}>
          {state.text}
        </output>
      )}
      {state.kind === 'error' && (
        <p className="error" role="alert">
          {i18n.t('panel.error.generic', [state.message])}
        </p>
      )}
    </div>
  );
}
