import { describe, expect, it } from 'vitest';
import { buildStudioPrompt, countChars, postprocess, PROMPT_REGISTRY, type Language } from '../prompts';
import {
  SEARCH_AD,
  SOCIAL_AD,
  STUDIO_FORMATS,
  X_POST_MAX_CHARS,
  checkStudioOutput,
  findBannedWords,
  hashtagWords,
  splitWords,
  type StudioFormat,
} from './index';

const FACTS = ['Closer drafts replies on-device.', 'Closer costs $30 per seat per month.'];
const input = (format: StudioFormat, language: Language = 'en') => ({
  format,
  persona: { segment: 'mid-market RevOps leaders', painPoints: ['manual CRM updates'] },
  context: 'Launch of on-device reply drafting',
  constraints: { language },
  grounding: FACTS,
  voice: { toneWords: ['plainspoken', 'warm'], bannedWords: ['revolutionary', '颠覆'] },
});
const system = (r: { messages: Array<{ content: string }> }) => r.messages[0]?.content ?? '';
const user = (r: { messages: Array<{ content: string }> }) => r.messages[1]?.content ?? '';

describe.each(STUDIO_FORMATS)('studio prompt: %s', (format) => {
  const en = buildStudioPrompt(input(format));
  const zh = buildStudioPrompt(input(format, 'zh'));

  it('uses its own versioned template, in the requested language', () => {
    expect(en.promptId).toBe(`studio-${format}`);
    expect(en.promptVersion).toBe(PROMPT_REGISTRY[en.promptId].version);
    expect(system(en)).toMatch(/in English\./);
    expect(system(zh)).toMatch(/in Simplified Chinese \(简体中文\)\./);
  });

  it('carries the brand voice: tone words, banned words, and the rule to honour them', () => {
    expect(user(en)).toContain('Tone: plainspoken, warm.');
    expect(user(en)).toContain('Banned words and phrases: "revolutionary", "颠覆".');
    expect(system(en)).toMatch(/Never use a word or phrase the task lists as banned/);
    // A tone the user picks for this piece wins over the brand's tone words.
    const picked = buildStudioPrompt({ ...input(format), constraints: { language: 'en', tone: 'playful' } });
    expect(user(picked)).toContain('Tone: playful.');
    // No banned words: no empty banned list in the prompt.
    expect(user(buildStudioPrompt({ ...input(format), voice: {} }))).not.toContain('Banned words');
  });

  it('grounds on the product facts and the segment, and never invents numbers', () => {
    for (const fact of FACTS) expect(user(en)).toContain(fact);
    expect(user(en)).toContain('Segment: mid-market RevOps leaders');
    expect(system(en)).toMatch(/Never invent numbers/);
  });

  it('keeps the token budget sane', () => {
    expect(en.maxTokens).toBeGreaterThanOrEqual(64);
    expect(en.maxTokens).toBeLessThanOrEqual(2_048);
  });
});

describe('studio prompt constraints per format', () => {
  it('X: states the 280-character limit and caps the answer at it', () => {
    const r = buildStudioPrompt(input('x-post'));
    expect(user(r)).toContain(`at most ${X_POST_MAX_CHARS} characters`);
    expect(r.output.maxChars).toBe(X_POST_MAX_CHARS);
    const long = `${'Closer drafts replies on-device. '.repeat(20)}`;
    expect(countChars(postprocess(long, r.output).text)).toBeLessThanOrEqual(X_POST_MAX_CHARS);
    // Chinese counts double: 200 characters are 400 weighted, so the cap cuts them too.
    const zh = buildStudioPrompt(input('x-post', 'zh'));
    expect(countChars(postprocess('离线起草回复。'.repeat(30), zh.output).text)).toBeLessThanOrEqual(X_POST_MAX_CHARS);
  });

  it('LinkedIn and WeChat: hashtag rules and a hard character cap', () => {
    const li = buildStudioPrompt(input('linkedin-post'));
    expect(user(li)).toMatch(/At most 3 relevant hashtags/);
    expect(li.output.maxChars).toBe(3_000);
    const wc = buildStudioPrompt(input('wechat-post', 'zh'));
    expect(user(wc)).toMatch(/no hashtags, at most 2 emoji/);
    expect(wc.output.maxChars).toBe(600);
  });

  it('search ad: the headline and description counts and limits, as labelled lines', () => {
    const r = buildStudioPrompt(input('search-ad'));
    expect(user(r)).toContain(
      `Exactly ${SEARCH_AD.headlines} headlines of at most ${SEARCH_AD.headlineMaxChars} characters each and ${SEARCH_AD.descriptions} descriptions of at most ${SEARCH_AD.descriptionMaxChars} characters each`,
    );
    expect(user(r)).toContain('Headline 5: …\nDescription 1: …');
  });

  it('social ad: primary text, headline and description limits', () => {
    const r = buildStudioPrompt(input('social-ad'));
    expect(user(r)).toContain(
      `Primary text at most ${SOCIAL_AD.primaryTextMaxChars} characters, headline at most ${SOCIAL_AD.headlineMaxChars}, description at most ${SOCIAL_AD.descriptionMaxChars}`,
    );
  });

  it('blog outline: sections follow the length, within 3–9', () => {
    const count = (length: 'short' | 'long' | number) =>
      Number(
        /then (\d+) sections/.exec(
          user(buildStudioPrompt({ ...input('blog-outline'), constraints: { language: 'en', length } })),
        )?.[1],
      );
    expect(count('short')).toBe(3);
    expect(count('long')).toBe(8);
    expect(count(2_000)).toBe(9);
  });

  it('video script: duration sets the seconds and the voiceover length, clamped to 10–180 s', () => {
    const r = buildStudioPrompt({ ...input('video-script'), durationSeconds: 30 });
    expect(user(r)).toContain('about 30 seconds');
    expect(user(r)).toContain('The voiceover is about 75 words');
    expect(user(buildStudioPrompt({ ...input('video-script'), durationSeconds: 900 }))).toContain('about 180 seconds');
    expect(() => buildStudioPrompt({ ...input('video-script'), durationSeconds: Number.NaN })).toThrow(RangeError);
  });
});

describe('checkStudioOutput', () => {
  it('accepts a search ad within its limits and flags an overlong or missing line', () => {
    const ok = [
      'Headline 1: Drafts on your device',
      'Headline 2: Replies in seconds',
      'Headline 3: Mail stays private',
      'Headline 4: Built for sales teams',
      'Headline 5: Try Closer today',
      'Description 1: Closer drafts replies on-device, so mail never leaves it.',
      'Description 2: Grounded on your own product facts.',
      'Description 3: $30 per seat per month.',
    ];
    expect(checkStudioOutput('search-ad', ok.join('\n'))).toEqual([]);
    const bad = [...ok];
    bad[1] = 'Headline 2: This headline is far too long for a search ad';
    bad.splice(7, 1);
    expect(checkStudioOutput('search-ad', bad.join('\n'))).toEqual([
      { code: 'too_long', label: 'Headline 2', chars: 45, max: 30 },
      { code: 'missing_line', label: 'Description 3' },
    ]);
  });

  it('counts Chinese as two characters in ad limits, and accepts full-width colons', () => {
    const text =
      'Primary text：离线起草回复\nHeadline：邮件不离开设备，隐私安全有保障，销售团队专用工具\nDescription：立即试用';
    expect(checkStudioOutput('social-ad', text)).toEqual([{ code: 'too_long', label: 'Headline', chars: 48, max: 40 }]);
  });

  it('flags too many hashtags, emoji on WeChat, an X post over 280, and banned words as whole words', () => {
    expect(checkStudioOutput('x-post', 'Hi #a #b #c')).toEqual([{ code: 'too_many_hashtags', count: 3, max: 2 }]);
    expect(checkStudioOutput('wechat-post', '好消息🎉🎉🎉')).toEqual([{ code: 'too_many_emoji', count: 3, max: 2 }]);
    expect(checkStudioOutput('x-post', 'x'.repeat(281))).toEqual([{ code: 'too_long', chars: 281, max: 280 }]);
    expect(
      checkStudioOutput('linkedin-post', 'A Revolutionary tool, freedom for all. 颠覆行业', {
        bannedWords: ['revolutionary', 'free', '颠覆'],
      }),
    ).toEqual([
      { code: 'banned_word', word: 'revolutionary' },
      { code: 'banned_word', word: '颠覆' },
    ]);
  });

  it('checks the sections of an outline and the scenes and voiceover length of a script', () => {
    expect(checkStudioOutput('blog-outline', '# T\n## A\n## B')).toEqual([
      { code: 'sections', count: 2, min: 3, max: 9 },
    ]);
    expect(checkStudioOutput('video-script', 'Just words')).toEqual([{ code: 'no_scenes' }]);
    const script = `Scene 1 (0:00–0:10)\nVisual: inbox\nVoiceover: ${'word '.repeat(60)}`;
    expect(checkStudioOutput('video-script', script, { seconds: 10 })).toEqual([
      { code: 'voiceover_too_long', words: 60, max: 38 },
    ]);
  });

  it('lists hashtag words once each, for the fact check', () => {
    expect(hashtagWords('Go #RevOps #Sales, #RevOps ＃销售 but not a#b')).toEqual(['RevOps', 'Sales', '销售']);
  });

  it('finds banned words with their offsets and splits settings fields', () => {
    expect(findBannedWords('Best in class, best-in-class', ['best in class'])).toEqual([
      { word: 'best in class', start: 0, end: 13 },
    ]);
    expect(splitWords('a, b\nc，d、a')).toEqual(['a', 'b', 'c', 'd']);
  });
});
