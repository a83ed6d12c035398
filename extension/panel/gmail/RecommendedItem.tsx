import { useEffect, useId, useState } from 'react';
import { i18n } from '#i18n';
import { request } from '../../messaging/client';
import type { ResultOf } from '../../../shared/common/protocol/define';
import type { Methods } from '../../messaging/methods';
import type { GmailPageState } from '../../messaging/page-state';
import { RecommendationList, methodText } from '../../ui/RecommendationList';

type Thread = NonNullable<GmailPageState['thread']>;
type Answer = ResultOf<Methods, 'recommend.forContact'>;

/** The other side of the thread: the latest sender who is not the rep. */
export function counterpartEmail(thread: Thread): string | undefined {
  return [...thread.messages].reverse().find((m) => m.from.email && m.from.email !== thread.selfEmail)?.from.email;
}

/** The line added to the draft for an item: its name, and its link when it has one. */
export function itemLine(item: Answer['results'][number]['item']): string {
  return item.url ? `${item.name}: ${item.url}` : item.name;
}

/**
 * "Include a recommended item" in the draft composer: the catalogue items that fit this contact's stored persona,
 * with the reason, and a button that adds the chosen one to the draft.
 */
export function RecommendedItem({ thread, onInclude }: { thread: Thread; onInclude: (line: string) => void }) {
  const toggleId = useId();
  const [on, setOn] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [picked, setPicked] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const email = counterpartEmail(thread);

  useEffect(() => {
    if (!on || !email) return;
    let live = true;
    setAnswer(null);
    request('recommend.forContact', { email, limit: 3 }).then(
      (a) => {
        if (!live) return;
        setAnswer(a);
        setPicked(a.results[0]?.item.id);
        setError(null);
      },
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [on, email]);

  const chosen = answer?.results.find((r) => r.item.id === picked);
  return (
    <div data-testid="recommended-item">
      <input id={toggleId} type="checkbox" checked={on} disabled={!email} onChange={(e) => setOn(e.target.checked)} />{' '}
      <label htmlFor={toggleId}>{i18n.t('catalogue.include.toggle')}</label>
      {on && (
        <div role="status">
          {error && <p className="error">{i18n.t('catalogue.include.error', [error])}</p>}
          {!answer && !error && <p className="muted">{i18n.t('catalogue.include.loading')}</p>}
          {answer && answer.personaSource === 'none' && (
            <p className="muted">{i18n.t('catalogue.recommend.noPersona')}</p>
          )}
          {answer && answer.personaSource !== 'none' && answer.results.length === 0 && (
            <p className="muted">
              {answer.catalogueSize === 0
                ? i18n.t('catalogue.recommend.emptyCatalogue')
                : i18n.t('catalogue.recommend.none')}
            </p>
          )}
          {answer && answer.results.length > 0 && (
            <>
              <p className="muted">{methodText(answer.method)}</p>
              <RecommendationList
                results={answer.results}
                picked={picked}
                onPick={setPicked}
                name={`${toggleId}-pick`}
              />
              <button
                type="button"
                disabled={!chosen}
                onClick={() => {
                  if (!chosen) return;
                  onInclude(itemLine(chosen.item));
                  setNotice(i18n.t('catalogue.include.added'));
                }}
              >
                {i18n.t('catalogue.include.add')}
              </button>
              {notice && <p>{notice}</p>}
            </>
          )}
        </div>
      )}
    </div>
  );
}
