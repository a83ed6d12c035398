import { Suspense, lazy, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { SIDE_PANEL_TABS } from './tabs';

const ASSISTANT = 'assistant';

/**
 * The side panel: the assistant plus the views that need room (persona review, outbox, privacy ledger, campaigns,
 * dashboard). A WAI-ARIA tablist: arrow keys move between tabs, Home/End jump to the ends. The assistant is the
 * panel's app, handed in by the entrypoint so the side panel and the panel stay independent of each other.
 */
export function SidePanelApp({ assistant }: { assistant: ReactNode }) {
  const [active, setActive] = useState(() => new URLSearchParams(location.search).get('tab') ?? ASSISTANT);
  const ids = [ASSISTANT, ...SIDE_PANEL_TABS.map((t) => t.id)];
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});
  const views = useMemo(() => Object.fromEntries(SIDE_PANEL_TABS.map((t) => [t.id, lazy(t.load)])), []);

  const onKey = (event: KeyboardEvent) => {
    const i = ids.indexOf(active);
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? ids[(i + 1) % ids.length]
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? ids[(i - 1 + ids.length) % ids.length]
          : event.key === 'Home'
            ? ids[0]
            : event.key === 'End'
              ? ids[ids.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    setActive(next);
    buttons.current[next]?.focus();
  };

  const label = (key: string) => i18n.t(`sidepanel.tab.${key}` as 'sidepanel.tab.assistant');
  const View = views[active];
  return (
    <div className="sidepanel">
      {ids.length > 1 && (
        <nav role="tablist" aria-label={i18n.t('sidepanel.tabs')} className="tabs" onKeyDown={onKey}>
          {[{ id: ASSISTANT, labelKey: ASSISTANT }, ...SIDE_PANEL_TABS].map((tab) => (
            <button
              key={tab.id}
              ref={(el) => {
                buttons.current[tab.id] = el;
              }}
              role="tab"
              id={`tab-${tab.id}`}
              aria-selected={active === tab.id}
              aria-controls={`tabpanel-${tab.id}`}
              tabIndex={active === tab.id ? 0 : -1}
              data-testid={`tab-${tab.id}`}
              onClick={() => setActive(tab.id)}
            >
              {label(tab.labelKey)}
            </button>
          ))}
        </nav>
      )}
      <section role="tabpanel" id={`tabpanel-${active}`} aria-labelledby={`tab-${active}`}>
        {active === ASSISTANT || !View ? (
          assistant
        ) : (
          <Suspense fallback={<p className="muted">{i18n.t('sidepanel.loading')}</p>}>
            <div className="panel">
              <View />
            </div>
          </Suspense>
        )}
      </section>
    </div>
  );
}
