import { i18n } from '#i18n';
import type { MatchReason, Recommendation, RecommendMethod } from '../../shared/common/recommend';

/** One reason in words: which persona value matched, and on which terms. */
export function reasonText(r: MatchReason): string {
  return i18n.t(`catalogue.recommend.reason.${r.field}`, [r.value, r.terms.slice(0, 5).join(', ')]);
}

/** How the list was ranked, said plainly (TF-IDF unless an embedding model is loaded). */
export function methodText(method: RecommendMethod): string {
  return method === 'blend' ? i18n.t('catalogue.recommend.methodBlend') : i18n.t('catalogue.recommend.methodTfidf');
}

/**
 * Ranked catalogue items with why each fits. With `onPick`, each item is a radio button (the Gmail draft uses it to
 * choose what to include).
 */
export function RecommendationList({
  results,
  picked,
  onPick,
  name,
}: {
  results: Recommendation[];
  picked?: string;
  onPick?: (id: string) => void;
  /** The radio group's name, when `onPick` is given. */
  name?: string;
}) {
  return (
    <ol className="recommendations" data-testid="recommendations">
      {results.map((r) => {
        const title = (
          <>
            <strong>{r.item.name}</strong>{' '}
            <span className="muted">
              ({i18n.t(`catalogue.kind.${r.item.kind}`)} ·{' '}
              {i18n.t('catalogue.recommend.score', [String(Math.round(r.score * 100))])})
            </span>
          </>
        );
        return (
          <li key={r.item.id} data-testid="recommendation" data-item={r.item.id}>
            {onPick ? (
              <label>
                <input
                  type="radio"
                  name={name}
                  value={r.item.id}
                  checked={picked === r.item.id}
                  onChange={() => onPick(r.item.id)}
                />{' '}
                {title}
              </label>
            ) : (
              title
            )}
            <ul data-testid="recommendation-reasons">
              {r.reasons.length === 0 ? (
                <li className="muted">{i18n.t('catalogue.recommend.semantic')}</li>
              ) : (
                r.reasons.slice(0, 3).map((reason) => (
                  <li key={`${reason.field}-${reason.value}`} data-field={reason.field}>
                    {reasonText(reason)}
                  </li>
                ))
              )}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
