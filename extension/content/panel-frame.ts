/** Width of the open panel in CSS pixels (px, not rem: the host page's root font size must not leak in). */
export const PANEL_WIDTH_PX = 380;

const STYLE = `
:host { all: initial; }
.wrap { position: fixed; top: 64px; right: 0; bottom: 16px; z-index: 2147483646; display: flex; align-items: flex-start;
  font: 13px/1.4 system-ui, sans-serif; pointer-events: none; }
.toggle { pointer-events: auto; margin-top: 8px; width: 32px; height: 32px; border-radius: 16px 0 0 16px; border: 1px solid #8883;
  background: #1a73e8; color: #fff; font-weight: 700; cursor: pointer; }
.toggle:focus-visible { outline: 3px solid #fbbc04; outline-offset: 1px; }
iframe { pointer-events: auto; width: ${PANEL_WIDTH_PX}px; height: 100%; border: 0; border-left: 1px solid #8884;
  box-shadow: -4px 0 16px #0002; background: transparent; color-scheme: normal; }
.wrap[data-collapsed="true"] iframe { display: none; }
`;

export interface PanelFrame {
  host: HTMLElement;
  setCollapsed(collapsed: boolean): void;
  remove(): void;
}

/**
 * Builds the panel: a closed shadow root holding a toggle and an iframe of the extension's panel page. The iframe
 * has the extension's origin, so the page can neither read the panel nor script it.
 */
export function createPanelFrame(
  doc: Document,
  options: { src: string; title: string; openLabel: string; closeLabel: string; collapsed: boolean },
): PanelFrame {
  const host = doc.createElement('div');
  host.id = 'closer-panel-host';
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const wrap = doc.createElement('div');
  wrap.className = 'wrap';
  const toggle = doc.createElement('button');
  toggle.className = 'toggle';
  toggle.type = 'button';
  toggle.textContent = 'C';
  const frame = doc.createElement('iframe');
  frame.src = options.src;
  frame.title = options.title;
  // The panel copies a draft to the clipboard when it cannot insert it.
  frame.allow = 'clipboard-write';
  wrap.append(toggle, frame);
  shadow.append(style, wrap);

  const setCollapsed = (collapsed: boolean) => {
    wrap.dataset.collapsed = String(collapsed);
    host.dataset.collapsed = String(collapsed);
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.setAttribute('aria-label', collapsed ? options.openLabel : options.closeLabel);
    toggle.title = collapsed ? options.openLabel : options.closeLabel;
  };
  toggle.addEventListener('click', () => setCollapsed(wrap.dataset.collapsed !== 'true'));
  setCollapsed(options.collapsed);
  return { host, setCollapsed, remove: () => host.remove() };
}
