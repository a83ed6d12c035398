import { describe, expect, it } from 'vitest';
import { MAX_GROUNDING_CHARS } from '../../../shared/common/factcheck';
import { MAX_SCORE_GROUNDING, methods } from '../../messaging/methods';
import { draftGrounding, promptContext, splitFacts, threadLanguage } from './thread-context';

const message = (i: number, body: string, email = `p${i % 3}@example.com`) => ({
  id: `m${i}`,
  from: { name: `Person ${i % 3}`, email },
  date: null,
  dateText: `day ${i}`,
  bodyText: body,
  quotedText: '',
  signatureText: '',
  snippet: '',
  truncated: false,
  collapsed: false,
});
const thread = (messages: ReturnType<typeof message>[]) => ({
  threadId: 't',
  subject: 's',
  messages,
  folded: 0,
  selfEmail: 'p0@example.com',
});

describe('thread context for prompts and checks', () => {
  it('marks the rep and answers in the language of the latest message', () => {
    const t = thread([message(0, 'Hello'), message(1, '你好，价格是多少？')]);
    expect(promptContext(t).map((m) => m.fromMe)).toEqual([true, false]);
    expect(threadLanguage(t)).toBe('zh');
    expect(threadLanguage(thread([message(1, '你好'), message(2, 'Thanks!')]))).toBe('en');
  });

  it('splits facts one per line and drops blanks', () => {
    expect(splitFacts(' Pro costs $49 \n\n  SOC 2 certified\n')).toEqual(['Pro costs $49', 'SOC 2 certified']);
  });

  it('keeps a 300-message thread within what the draft check accepts: facts and people first, newest messages next', () => {
    const t = thread(Array.from({ length: 300 }, (_, i) => message(i, `message number ${i} `.repeat(50))));
    const g = draftGrounding(t, ['Pro costs $49']);
    expect(g.length).toBeLessThanOrEqual(MAX_SCORE_GROUNDING);
    expect(g.reduce((n, s) => n + s.length, 0)).toBeLessThanOrEqual(MAX_GROUNDING_CHARS);
    expect(g[0]).toBe('Pro costs $49');
    expect(g).toContain('Person 1');
    expect(g).toContain('p2@example.com');
    expect(g.some((s) => s.startsWith('message number 299 '))).toBe(true);
    expect(g.some((s) => s.startsWith('message number 0 '))).toBe(false);
    const params = { subject: '', body: 'Hi', grounding: g };
    expect(methods['host.scoreDraft'].params.safeParse(params).success).toBe(true);
  });
});
