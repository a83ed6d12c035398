import { describe, expect, it } from 'vitest';
import { fnv1a64, stableStringify } from './hash';
import { getPromptTemplate, parsePromptRef, promptRef, PROMPT_IDS, PROMPT_REGISTRY, templateHash } from './registry';
import { placeholdersIn } from './render';
import type { PromptTemplate } from './template';

/**
 * The fingerprint of every released `id@version`. When this test fails:
 * - you edited a template (or the shared rules or layout): bump its `version`, then add a line for the new version
 *   with the hash the failure prints. Never change an existing line; old versions keep their meaning in stored data.
 * - you added a template: add its line.
 */
const RELEASED: Readonly<Record<string, string>> = {
  'reply-draft@1': '53643d5bd813ebd0',
  'cold-email@1': 'd1d09a79798ffa38',
  'follow-up@1': '2733b1110e412e57',
  'support-reply@1': '9005fd1504357151',
  'subject-lines@1': '67ff406d51133bc9',
  'rewrite@1': '255f2cee7ae00dc8',
  'rewrite@2': '1b329b9ea810a149',
  'translate@1': '737a37e4dbbcb82d',
  'persona@1': '83983624eb41ca04',
  'social-post@1': '5b9f15ed50b7834d',
  'ad-copy@1': '49f0ff829bbfea66',
  'blog-outline@1': '489e885d1331ad36',
  'video-script@1': '1eba1dec14f154bf',
  'thread-summary@1': 'a07351309bd475c3',
  'studio-linkedin-post@1': '5d3f60d566afaf66',
  'studio-x-post@1': 'd800681b22671b53',
  'studio-wechat-post@1': '9206e76e9fb7e818',
  'studio-search-ad@1': '3d9690d00b8b1614',
  'studio-social-ad@1': 'c1e051ed1b6d6628',
  'studio-blog-outline@1': '5383a970848cf3e9',
  'studio-video-script@1': '2cb98af94761ff36',
};

describe('prompt registry', () => {
  it.each(PROMPT_IDS)('pins %s to the hash of its content at this version', (id) => {
    const template = PROMPT_REGISTRY[id];
    const ref = promptRef(template);
    const hash = templateHash(template);
    expect(
      RELEASED[ref],
      `${ref} has hash ${hash}. If you changed the template, bump its version and record the new hash.`,
    ).toBe(hash);
  });

  it('keys every template by its own id, with a positive integer version', () => {
    for (const [key, template] of Object.entries(PROMPT_REGISTRY)) {
      expect(template.id).toBe(key);
      expect(Number.isInteger(template.version) && template.version > 0).toBe(true);
    }
  });

  it('detects any edit to a template', () => {
    const base = PROMPT_REGISTRY['reply-draft'];
    const edits: PromptTemplate[] = [
      { ...base, temperature: base.temperature + 0.1 },
      { ...base, parts: { ...base.parts, task: `${base.parts.task} ` } },
      { ...base, parts: { ...base.parts, rules: [...base.parts.rules.slice(1)] } },
      { ...base, lengthWords: { ...base.lengthWords, short: base.lengthWords.short + 1 } },
    ];
    for (const edited of edits) expect(templateHash(edited)).not.toBe(templateHash(base));
    // The version itself is not content: bumping it alone keeps the hash, so the lock can name the new version.
    expect(templateHash({ ...base, version: base.version + 1 })).toBe(templateHash(base));
  });

  it('gives every template distinct content', () => {
    const hashes = PROMPT_IDS.map((id) => templateHash(PROMPT_REGISTRY[id]));
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('uses only placeholders the builders fill', () => {
    const filled = new Set(['language', 'length', 'tone', 'cta', 'variant', 'callToAction']);
    const extra: Partial<Record<string, string[]>> = {
      'subject-lines': ['n'],
      translate: ['source'],
      persona: ['contact'],
      'blog-outline': ['sections'],
      'video-script': ['seconds'],
      // Content studio: the brand voice's banned words, and the same extras as the marketing templates.
      'studio-linkedin-post': ['voice'],
      'studio-x-post': ['voice'],
      'studio-wechat-post': ['voice'],
      'studio-search-ad': ['voice'],
      'studio-social-ad': ['voice'],
      'studio-blog-outline': ['voice', 'sections'],
      'studio-video-script': ['voice', 'seconds'],
    };
    for (const template of Object.values(PROMPT_REGISTRY)) {
      const { system, rules, task, variants, defaultCallToAction, givenCallToAction } = template.parts;
      const texts = [system, ...rules, task, defaultCallToAction, givenCallToAction, ...Object.values(variants ?? {})];
      const used = texts.flatMap(placeholdersIn);
      const allowed = new Set([...filled, ...(extra[template.id] ?? [])]);
      expect(
        used.filter((name) => !allowed.has(name)),
        template.id,
      ).toEqual([]);
    }
  });

  it('looks templates up by id and parses refs', () => {
    expect(getPromptTemplate('rewrite').id).toBe('rewrite');
    expect(() => getPromptTemplate('nope')).toThrow(/Unknown prompt id/);
    expect(parsePromptRef('reply-draft@12')).toEqual({ promptId: 'reply-draft', promptVersion: 12 });
    expect(promptRef({ promptId: 'translate', promptVersion: 3 })).toBe('translate@3');
    for (const bad of ['reply-draft', 'unknown@1', 'reply-draft@x', 'reply-draft@1@2']) {
      expect(parsePromptRef(bad)).toBeUndefined();
    }
  });
});

describe('hash', () => {
  it('ignores key order and undefined values but not content', () => {
    expect(stableStringify({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe('{"a":[1,{"d":2}],"b":1}');
    expect(fnv1a64(stableStringify({ a: 1, b: 2 }))).toBe(fnv1a64(stableStringify({ b: 2, a: 1 })));
    expect(fnv1a64('a')).not.toBe(fnv1a64('b'));
  });

  it('matches the published FNV-1a 64 test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
});
