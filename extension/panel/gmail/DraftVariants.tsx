import { useRef, type KeyboardEvent } from 'react';
import { i18n } from '#i18n';
import { MAX_VARIANTS, nextIndex, type Variant } from './use-draft-variants';

/**
 * The switcher between the reply's variants: a tab list (arrow keys, Home/End; only the selected tab is in the tab
 * order) whose tabs show each variant's own score and rating, and the button that drafts another variant.
 */
export function DraftVariants({
  variants,
  selected,
  onSelect,
  onAnother,
  canAdd,
  busy,
  panelId,
}: {
  variants: Variant[];
  selected: number;
  onSelect: (index: number) => void;
  onAnother: () => void;
  canAdd: boolean;
  busy: boolean;
  /** The id of the draft text the tabs control. */
  panelId: string;
}) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent) => {
    const next = nextIndex(e.key, selected, variants.length);
    if (next === null) return;
    e.preventDefault();
    onSelect(next);
    tabs.current[next]?.focus();
  };
  if (variants.length === 0) return null;
  return (
    <div className="row wrap" data-testid="variants">
      <div role="tablist" aria-label={i18n.t('variants.title')} onKeyDown={onKeyDown}>
        {variants.map((v, i) => (
          <button
            key={i}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${panelId}-tab-${i}`}
            aria-selected={i === selected}
            aria-controls={panelId}
            tabIndex={i === selected ? 0 : -1}
            onClick={() => onSelect(i)}
            data-testid="variant-tab"
            data-status={v.status}
          >
            {i18n.t('variants.label', [String(i + 1)])}
            {v.score !== undefined && (
              <span className="muted" data-testid="variant-score" data-total={v.score}>
                {' '}
                · {i18n.t('variants.score', [String(Math.round(v.score))])}
              </span>
            )}
            {v.rating && (
              <span className="muted" data-testid="variant-rating">
                {' '}
                · {v.rating.thumb === 'up' ? '👍' : v.rating.thumb === 'down' ? '👎' : ''}
                {v.rating.stars ? `${v.rating.stars}★` : ''}
              </span>
            )}
          </button>
        ))}
      </div>
      <button type="button" onClick={onAnother} disabled={!canAdd || busy} data-testid="draft-another">
        {i18n.t('variants.another')}
      </button>
      <span className="muted">{i18n.t('variants.count', [String(variants.length), String(MAX_VARIANTS)])}</span>
    </div>
  );
}
