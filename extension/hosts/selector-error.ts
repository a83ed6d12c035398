/** Thrown when a host page no longer has an element we rely on: a typed, loud failure instead of a silent no-op. */
export class SelectorError extends Error {
  readonly site: string;
  readonly feature: string;
  readonly selectors: readonly string[];
  constructor(site: string, feature: string, selectors: readonly string[]) {
    super(`${site}: no element for "${feature}" (tried ${selectors.join(' | ')})`);
    this.name = 'SelectorError';
    this.site = site;
    this.feature = feature;
    this.selectors = selectors;
  }
}

/** First match of the first selector that matches anything, in order of preference. */
export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    if (el) return el;
  }
  return null;
}

export function queryOrFail(root: ParentNode, site: string, feature: string, selectors: readonly string[]): Element {
  const el = queryFirst(root, selectors);
  if (!el) throw new SelectorError(site, feature, selectors);
  return el;
}
