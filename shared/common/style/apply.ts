import type { ChatRequest } from '../llm/engine';
import { greetingOf, signOffKey } from './parse';
import type { StyleProfile } from './profile';

/**
 * Puts a style profile to work on drafts: one prompt section appended to any drafting prompt (`withStyle`), and,
 * with or without a generator, the rep's own greeting and sign-off on the text (`applyGreetingAndSignOff`).
 */

/** The addressee in a greeting line the draft already has ("Hi Sarah," → "Sarah"), if any. */
function nameIn(line: string): string | null {
  const shape = greetingOf(line);
  if (!shape?.includes('{name}')) return null;
  const [before, after] = shape.split('{name}') as [string, string];
  const text = line.trim();
  if (!text.startsWith(before.trim()) && before.trim()) return null;
  const inner = text.slice(before.length, text.length - after.length).trim();
  return inner || null;
}

/** The rep's greeting for `name` (the placeholder dropped with its space when there is no name). */
export function fillGreeting(greeting: string, name: string | null): string {
  if (name) return greeting.replace('{name}', name);
  return greeting
    .replace(/\s*\{name\}，?/, '')
    .replace(/^\s+/, '')
    .replace(/\s+([,!.:])/, '$1');
}

/**
 * The draft with the profile's greeting and sign-off: the draft's own greeting line and sign-off are replaced (the
 * addressee kept), or added when missing. A profile without a greeting or sign-off leaves that part as drafted.
 */
export function applyGreetingAndSignOff(text: string, profile: StyleProfile, recipientName?: string | null): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return text;
  if (profile.greeting) {
    const existing = greetingOf(lines[first]!) !== null;
    const name = (existing ? nameIn(lines[first]!) : null) ?? recipientName ?? null;
    const greeting = fillGreeting(profile.greeting, name);
    if (existing) lines[first] = greeting;
    else lines.splice(first, 0, greeting, '');
  }
  if (profile.signOff) {
    let last = lines.length - 1;
    while (last >= 0 && !lines[last]!.trim()) last--;
    // The sign-off is among the last lines (a name may follow it).
    let at = -1;
    for (let i = last, seen = 0; i > first && seen < 3; i--) {
      if (!lines[i]!.trim()) continue;
      seen++;
      if (signOffKey(lines[i]!)) {
        at = i;
        break;
      }
    }
    if (at >= 0) {
      // "此致" above "敬礼" is one sign-off: replace both lines.
      const twoLine = signOffKey(lines[at]!) === '敬礼' && at > 0 && signOffKey(lines[at - 1]!) === '此致';
      lines.splice(twoLine ? at - 1 : at, twoLine ? 2 : 1, profile.signOff);
    } else {
      lines.splice(last + 1, 0, '', profile.signOff);
    }
  }
  return lines.join('\n');
}

const FORMALITY_TEXT = {
  en: { casual: 'casual and relaxed', neutral: 'friendly and professional', formal: 'formal and polite' },
  zh: { casual: '轻松随意', neutral: '友好专业', formal: '正式礼貌' },
} as const;

/**
 * The prompt section that asks for the rep's style. Kept as data the model reads (quoted values), never as
 * instructions taken from mail: the greeting and phrases come from the rep's own sent messages.
 */
export function styleInstruction(profile: StyleProfile, language: 'en' | 'zh'): string {
  const q = (s: string) => JSON.stringify(s.replace(/\n/g, ' / '));
  if (language === 'zh') {
    const parts = [
      '<style>',
      '按照发件人自己的写作习惯来写：',
      profile.greeting ? `- 开头问候：${q(profile.greeting)}（{name} 换成收件人的名字）` : '- 不写问候语',
      profile.signOff ? `- 结尾用语：${q(profile.signOff)}` : '- 不写结尾用语',
      `- 语气：${FORMALITY_TEXT.zh[profile.formality]}`,
      `- 正文长度：约 ${Math.max(10, Math.round(profile.medianWords * 1.8))} 个字`,
      profile.emojiRate >= 0.3 ? '- 可以偶尔用一个表情符号' : '- 不用表情符号',
      ...(profile.phrases.length ? [`- 常用说法（合适时使用）：${profile.phrases.map(q).join('、')}`] : []),
      '</style>',
    ];
    return parts.join('\n');
  }
  return [
    '<style>',
    "Write the way the sender writes (learned from the sender's own sent mail):",
    profile.greeting ? `- Greeting: ${q(profile.greeting)} ({name} is the recipient's first name)` : '- No greeting',
    profile.signOff ? `- Sign-off: ${q(profile.signOff)}` : '- No sign-off',
    `- Register: ${FORMALITY_TEXT.en[profile.formality]}`,
    `- Body length: about ${Math.max(10, profile.medianWords)} words`,
    profile.emojiRate >= 0.3 ? '- An emoji now and then is fine' : '- No emoji',
    ...(profile.zhShare >= 0.2 && profile.zhShare <= 0.8 ? ['- The sender mixes English and Chinese'] : []),
    ...(profile.phrases.length
      ? [`- Phrases the sender often uses, where they fit: ${profile.phrases.map(q).join(', ')}`]
      : []),
    '</style>',
  ].join('\n');
}

/**
 * A drafting request with the rep's style: the style section appended to the system message. The one seam
 * between style and the prompt library, so prompt templates stay as they are.
 */
export function withStyle<R extends ChatRequest>(request: R, profile: StyleProfile | null, language: 'en' | 'zh'): R {
  if (!profile || profile.samples === 0) return request;
  const section = styleInstruction(profile, language);
  const messages = request.messages.map((m, i) =>
    i === 0 && m.role === 'system' ? { ...m, content: `${m.content}\n\n${section}` } : m,
  );
  if (messages[0]?.role !== 'system') messages.unshift({ role: 'system', content: section });
  return { ...request, messages };
}

/**
 * The profile as it applies to a draft in `language`: an English greeting on a Chinese draft (or the reverse) would
 * be wrong, so the greeting and sign-off apply only in the language the rep mostly writes in.
 */
export function styleForLanguage(profile: StyleProfile, language: 'en' | 'zh'): StyleProfile {
  const repWritesZh = profile.zhShare >= 0.5;
  if (repWritesZh === (language === 'zh')) return profile;
  return { ...profile, greeting: null, signOff: null };
}

/** Whom a message greets ("Hi Ana," → "Ana"), from its first line; null when it greets no one by name. */
export function greetedName(text: string): string | null {
  const first = text.split('\n').find((l) => l.trim());
  return first ? nameIn(first) : null;
}
