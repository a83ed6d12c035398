/** Fills `{{name}}` placeholders. Templates are ours, so an unknown placeholder is a bug and throws. */

export type TemplateVars = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{\{([a-zA-Z]+)\}\}/g;

/** Replaces every `{{name}}` in `text` with `vars[name]`; values are inserted as-is, never re-scanned. */
export function fillPlaceholders(text: string, vars: TemplateVars): string {
  return text.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`Prompt template placeholder {{${name}}} has no value.`);
    return String(value);
  });
}

/** The placeholder names used in `text`, for tests and checks. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}
