/**
 * A stand-in for Chrome's built-in `LanguageModel` (Prompt API), implementing the documented surface and the rules
 * Chrome enforces (developer.chrome.com/docs/ai/prompt-api; renames as of Chrome 142 in the project's platform
 * notes): `create()` needs user activation while the model is "downloadable"; `topK` and `temperature` go together;
 * expected input/output languages outside the supported set make it "unavailable".
 */

/** The documented names. A rename in Chrome is made here first, and the tests then show what must follow. */
export const DOCUMENTED = {
  static: ['availability', 'create', 'params'],
  session: ['prompt', 'promptStreaming', 'measureContextUsage', 'contextUsage', 'contextWindow', 'destroy'],
} as const;

export interface StandInOptions {
  availability: 'available' | 'downloadable' | 'downloading' | 'unavailable';
  languages?: string[];
  contextWindow?: number;
  reply?: string;
  /** Whether the calling page has transient user activation (a click). */
  userActivation?: () => boolean;
}

/** Counts tokens as Chrome's tokenizer roughly does for tests: one per word or Han character. */
const tokens = (text: string) => (text.match(/\p{Script=Han}|[^\s\p{Script=Han}]+/gu) ?? []).length;

export function languageModelStandIn(opts: StandInOptions) {
  const state = { ...opts, created: [] as Array<Record<string, unknown>>, downloads: 0 };
  const supported = opts.languages ?? ['en', 'es', 'ja'];
  const langsOk = (o?: {
    expectedInputs?: Array<{ languages?: string[] }>;
    expectedOutputs?: Array<{ languages?: string[] }>;
  }) =>
    [...(o?.expectedInputs ?? []), ...(o?.expectedOutputs ?? [])].every((e) =>
      (e.languages ?? []).every((l) => supported.includes(l)),
    );
  const api = {
    async availability(o?: Parameters<typeof langsOk>[0]) {
      return langsOk(o) ? state.availability : 'unavailable';
    },
    async params() {
      return { defaultTopK: 3, maxTopK: 128, defaultTemperature: 1, maxTemperature: 2 };
    },
    async create(o: Record<string, unknown> = {}) {
      if ('topK' in o !== 'temperature' in o)
        throw new DOMException('topK and temperature must be given together', 'NotSupportedError');
      if (!langsOk(o as Parameters<typeof langsOk>[0]))
        throw new DOMException('Unsupported language', 'NotSupportedError');
      if (state.availability === 'unavailable') throw new DOMException('unavailable', 'NotSupportedError');
      if (state.availability === 'downloadable') {
        if (!(opts.userActivation?.() ?? false))
          throw new DOMException('Requires user activation to download the model', 'NotAllowedError');
        state.downloads += 1;
        const monitor = new EventTarget();
        (o.monitor as ((m: EventTarget) => void) | undefined)?.(monitor);
        for (const loaded of [0, 0.5, 1]) {
          const e = new Event('downloadprogress');
          Object.assign(e, { loaded, total: 1 });
          monitor.dispatchEvent(e);
        }
        state.availability = 'available';
      }
      state.created.push(o);
      const initial = (o.initialPrompts as Array<{ content: string }> | undefined) ?? [];
      let usage = initial.reduce((n, p) => n + tokens(p.content), 0);
      const contextWindow = opts.contextWindow ?? 4096;
      const reply = opts.reply ?? 'Thanks, Tuesday works.';
      return {
        get contextUsage() {
          return usage;
        },
        get contextWindow() {
          return contextWindow;
        },
        async measureContextUsage(input: string) {
          return tokens(input);
        },
        async prompt(input: string) {
          usage += tokens(input) + tokens(reply);
          return reply;
        },
        promptStreaming(input: string, po?: { signal?: AbortSignal }) {
          usage += tokens(input);
          const pieces = reply.split(/(?<= )/);
          return new ReadableStream<string>({
            pull(controller) {
              if (po?.signal?.aborted) return controller.error(new DOMException('aborted', 'AbortError'));
              const next = pieces.shift();
              if (next === undefined) controller.close();
              else controller.enqueue(next);
            },
          });
        },
        destroy() {},
      };
    },
  };
  return { api, state };
}
