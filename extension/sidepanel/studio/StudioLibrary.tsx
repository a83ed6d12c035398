import { i18n } from '#i18n';
import type { LibraryItem } from '../../messaging/studio-methods';
import { formatLabel } from './format-label';

/** Saved pieces, newest first: each can be rated 1–5, copied or deleted. */
export function StudioLibrary({
  items,
  error,
  onRate,
  onDelete,
}: {
  items: LibraryItem[];
  error: string | null;
  onRate: (id: string, rating: number) => void;
  onDelete: (id: string) => void;
}) {
  return (
    <section aria-labelledby="studio-lib-h" data-testid="studio-library">
      <h3 id="studio-lib-h">{i18n.t('studio.library.title')}</h3>
      {error && (
        <p className="error" role="alert">
          {i18n.t('studio.library.loadError', [error])}
        </p>
      )}
      {items.length === 0 && !error && <p className="muted">{i18n.t('studio.library.empty')}</p>}
      <ul className="library">
        {items.map((item) => (
          <li key={item.id} data-testid="library-item" data-format={item.format} data-rating={item.rating ?? ''}>
            <strong>{formatLabel(item.format)}</strong>
            {item.segment && <span className="muted"> · {item.segment}</span>}
            <span className="muted">
              {' '}
              · {new Date(item.createdAt).toLocaleString()}
              {item.score !== undefined && ` · ${i18n.t('studio.library.score', [String(Math.round(item.score))])}`}
              {item.promptVersion && ` · ${item.promptVersion}`}
            </span>
            <pre className="library-text">{item.text}</pre>
            <div className="row wrap" role="group" aria-label={i18n.t('studio.library.rate')}>
              <span className="muted">{i18n.t('studio.library.rate')}</span>
              {[1, 2, 3, 4, 5].map((n) => (
                <button
                  key={n}
                  type="button"
                  aria-pressed={item.rating === n}
                  aria-label={i18n.t('studio.library.star', [String(n)])}
                  data-testid={`library-rate-${n}`}
                  onClick={() => onRate(item.id, n)}
                >
                  {n}★
                </button>
              ))}
              <button
                type="button"
                onClick={() => void navigator.clipboard.writeText(item.text).catch(() => undefined)}
              >
                {i18n.t('studio.library.copy')}
              </button>
              <button type="button" onClick={() => onDelete(item.id)} data-testid="library-delete">
                {i18n.t('studio.library.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
