import { useEffect, useId, useRef, useState } from 'react';
import { i18n } from '#i18n';
import {
  buildRewritePrompt,
  buildTranslatePrompt,
  postprocess,
  REWRITE_STYLES,
  type RewriteStyle,
} from '../../../shared/common/prompts';
import { request } from '../../messaging/client';
import type { Expectation } from '../../messaging/methods';
import type { GmailPageState } from '../../messaging/page-state';
import { useGeneration } from '../../ui/use-generation';

type Compose = GmailPageState['composes'][number];
type Action = RewriteStyle | 'toZh' | 'toEn';
const ACTIONS: readonly Action[] = [...REWRITE_STYLES, 'toZh', 'toEn'];

/**
 * Rewrites the rep's selection in a compose (or their whole draft): the page keeps what will be replaced, the panel
 * shows before and after, and accepting replaces it through the editor's own undoable insertion (Ctrl+Z in Gmail
 * brings the original back). Opened from here, or by Alt+Shift+R with the caret in a compose.
 */
export function RewriteTool({
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
  const ids = { action: useId() };
  const [action, setAction] = useState<Action>('shorter');
  const [original, setOriginal] = useState<{ text: string; whole: boolean } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The original the last generation rewrote: a newer original hides that result.
  const [ranOn, setRanOn] = useState<object | null>(null);
  const { state, start, cancel } = useGeneration(expect);
  const section = useRef<HTMLElement>(null);

  // The shortcut in Gmail: the page already kept the selection; show it here, ready to rewrite.
  const seq = shortcut?.composeIndex === compose.index ? shortcut.seq : undefined;
  useEffect(() => {
    if (seq === undefined || !shortcut) return;
    setOriginal({ text: shortcut.text, whole: shortcut.whole });
    setNotice(null);
    section.current?.scrollIntoView({ block: 'nearest' });
    section.current?.querySelector<HTMLElement>('select')?.focus();
    // Only a new press counts, not a new object for the same press.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seq]);

  const take = async () => {
    setNotice(null);
    const res = await request('page.readSelection', { composeIndex: compose.index }).catch(() => ({ ok: false }));
    if (res.ok && 'text' in res && res.text) setOriginal({ text: res.text, whole: res.whole ?? false });
    else setNotice(i18n.t('rewrite.nothing'));
  };
  const rewrite = () => {
    if (!original) return;
    const base = { context: '', grounding: [] };
    const prompt =
      action === 'toZh' || action === 'toEn'
        ? buildTranslatePrompt({
            ...base,
            text: original.text,
            constraints: { language: action === 'toZh' ? 'zh' : 'en' },
          })
        : buildRewritePrompt({
            ...base,
            text: original.text,
            style: action,
            constraints: { language: /[\u4e00-\u9fff]/.test(original.text) ? 'zh' : 'en' },
          });
    setRanOn(original);
    start(
      { messages: prompt.messages, maxTokens: prompt.maxTokens, temperature: prompt.temperature },
      (raw) => postprocess(raw, prompt.output).text,
    );
  };
  const accept = async () => {
    if (state.kind !== 'done') return;
    const res = await request('page.replaceText', { composeIndex: compose.index, text: state.text }).catch(
      (err: unknown) => ({ ok: false, reason: err instanceof Error ? err.message : String(err) }),
    );
    if (res.ok) {
      setOriginal(null);
      setNotice(i18n.t('rewrite.replaced'));
    } else {
      await navigator.clipboard.writeText(state.text).catch(() => undefined);
      setNotice(i18n.t('draft.copied', [res.reason ?? 'unknown']));
    }
  };

  return (
    <section ref={section} aria-labelledby="rewrite-h" className="ask" data-testid="rewrite">
      <h2 id="rewrite-h">{i18n.t('rewrite.title')}</h2>
      <p className="muted">{i18n.t('rewrite.hint')}</p>
      <div className="row wrap">
        <button type="button" onClick={() => void take()} data-testid="rewrite-take">
          {i18n.t('rewrite.take')}
        </button>
        <label htmlFor={ids.action}>{i18n.t('rewrite.action')}</label>
        <select
          id={ids.action}
          value={action}
          onChange={(e) => setAction(e.target.value as Action)}
          data-testid="rewrite-action"
        >
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {i18n.t(`rewrite.actions.${a}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={rewrite}
          disabled={!original || state.kind === 'streaming' || disabledReason !== null}
          data-testid="rewrite-run"
        >
          {i18n.t('rewrite.run')}
        </button>
        {state.kind === 'streaming' && (
          <button type="button" onClick={cancel}>
            {i18n.t('draft.stop')}
          </button>
        )}
      </div>
      {original && (
        <div className="compare">
          <h3>{original.whole ? i18n.t('rewrite.beforeWhole') : i18n.t('rewrite.before')}</h3>
          <p data-testid="rewrite-before">{original.text}</p>
          {state.kind !== 'idle' && ranOn === original && (
            <>
              <h3>{i18n.t('rewrite.after')}</h3>
              <p data-testid="rewrite-after" data-state={state.kind} aria-live="polite">
                {state.text}
              </p>
              <div className="row">
                <button
                  type="button"
                  onClick={() => void accept()}
                  disabled={state.kind !== 'done' || !state.text.trim()}
                  data-testid="rewrite-accept"
                >
                  {i18n.t('rewrite.accept')}
                </button>
                <button type="button" onClick={() => setOriginal(null)} data-testid="rewrite-reject">
                  {i18n.t('rewrite.reject')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
      {state.kind === 'error' && (
        <p className="error" role="alert">
          {i18n.t('panel.error.generic', [state.message])}
        </p>
      )}
      {notice && (
        <p role="status" data-testid="rewrite-notice">
          {notice}
        </p>
      )}
    </section>
  );
}
