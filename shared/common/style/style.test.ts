import { describe, expect, it } from 'vitest';
import {
  StyleProfileSchema,
  styleForLanguage,
  usableStyle,
  applyGreetingAndSignOff,
  greetedName,
  greetingOf,
  learnStyle,
  parseMessage,
  relearn,
  withStyle,
  type StyleProfile,
} from './index';

const casual = [
  'Hey Sarah!\n\nQuick one — can we move the demo to Thursday? Lemme know 🙂\n\nCheers,\nJake',
  "Hey Tom!\n\nThanks for the notes, they're super helpful. Lemme know if the pricing works.\n\nCheers,\nJake\nSales, Acme",
  'Hey Ana!\n\nJust checking you got the deck. Lemme know what you think!\n\nCheers,\nJake',
  'Hi Omar!\n\nGonna send the contract tomorrow, no worries if you need more time.\n\nCheers,\nJake',
  'Hey Wei!\n\nAwesome call today 🚀 lemme know who else should join.\n\nThx!\nJake',
];

describe('parseMessage', () => {
  it('finds the greeting shape, the sign-off above the signature, and the body', () => {
    const p = parseMessage(
      'Dear Mr. Brandt,\n\nPlease find the offer attached.\n\nKind regards,\nMargaret Holloway\nDirector',
    );
    expect(p).toEqual({ greeting: 'Dear {name},', signOff: 'Kind regards,', body: 'Please find the offer attached.' });
  });

  it('reads Chinese greetings and the two-line 此致 / 敬礼', () => {
    expect(greetingOf('王总，您好！')).toBe('{name}，您好！');
    expect(greetingOf('您好，')).toBe('您好，');
    const p = parseMessage('李经理，您好！\n\n附件是报价单，请查收。\n\n此致\n敬礼\n张伟');
    expect(p.signOff).toBe('此致\n敬礼');
    expect(p.body).toBe('附件是报价单，请查收。');
  });

  it('does not take an ordinary first sentence for a greeting', () => {
    expect(greetingOf('We met at the conference last week and I wanted to follow up.')).toBeNull();
    expect(parseMessage('Following up on the invoice.\nBest,\nPriya').greeting).toBeNull();
  });
});

describe('learnStyle', () => {
  it('learns the habits of five sent messages', () => {
    const p = learnStyle(casual, 1000);
    expect(StyleProfileSchema.parse(p)).toEqual(p);
    expect(p).toMatchObject({ samples: 5, greeting: 'Hey {name}!', signOff: 'Cheers,', formality: 'casual' });
    expect(p.emojiRate).toBeCloseTo(0.4);
    expect(p.phrases).toContain('lemme know');
    expect(p.zhShare).toBe(0);
  });

  it('reads a formal writer as formal and a Chinese writer as Chinese', () => {
    const formal = learnStyle(
      [
        'Dear Ms. Okafor,\n\nThank you for your message. I would like to confirm the meeting regarding the renewal.\n\nKind regards,\nM.',
        'Dear Keith,\n\nPlease find the agreement attached. I would appreciate your confirmation.\n\nKind regards,\nM.',
        'Dear Lucia,\n\nThank you for your time. Please do not hesitate to contact me.\n\nKind regards,\nM.',
      ],
      0,
    );
    expect(formal.formality).toBe('formal');
    const zh = learnStyle(
      ['王总，您好！\n\n烦请您确认报价。\n\n顺祝商祺\n张伟', '李总，您好！\n\n敬请查收附件。\n\n顺祝商祺\n张伟'],
      0,
    );
    expect(zh).toMatchObject({ greeting: '{name}，您好！', signOff: '顺祝商祺', formality: 'formal' });
    expect(zh.zhShare).toBe(1);
  });

  it('is used for drafts only once it has seen three sent messages', () => {
    expect(usableStyle(learnStyle(casual.slice(0, 2), 0))).toBeNull();
    expect(usableStyle(learnStyle(casual.slice(0, 3), 0))).toMatchObject({ samples: 3 });
    expect(usableStyle(null)).toBeNull();
  });

  it('keeps the fields the rep edited when it learns again', () => {
    const edited: StyleProfile = { ...learnStyle(casual, 0), signOff: 'Talk soon,', edited: ['signOff'] };
    const again = relearn(edited, learnStyle([...casual, ...casual], 5));
    expect(again).toMatchObject({ signOff: 'Talk soon,', greeting: 'Hey {name}!', samples: 10, edited: ['signOff'] });
  });
});

describe('applying a profile to a draft', () => {
  const profile = learnStyle(casual, 0);

  it("replaces the draft's greeting and sign-off, keeping the addressee", () => {
    const draft = 'Hi Sarah,\n\nThanks for your reply. Thursday works.\n\nBest regards,';
    expect(applyGreetingAndSignOff(draft, profile)).toBe(
      'Hey Sarah!\n\nThanks for your reply. Thursday works.\n\nCheers,',
    );
  });

  it('adds them when the draft has none, with the recipient name when known', () => {
    expect(applyGreetingAndSignOff('Thursday works for us.', profile, 'Ana')).toBe(
      'Hey Ana!\n\nThursday works for us.\n\nCheers,',
    );
    expect(applyGreetingAndSignOff('Thursday works.', profile, null)).toBe('Hey!\n\nThursday works.\n\nCheers,');
  });

  it('reads whom a message greets', () => {
    expect(greetedName('\nHey Morgan!\n\nHere is the plan.')).toBe('Morgan');
    expect(greetedName('Dear Mr. Brandt,\nThanks.')).toBe('Mr. Brandt');
    expect(greetedName('Hi team,\nThanks.')).toBeNull();
    expect(greetedName('Thanks for the call.')).toBeNull();
  });

  it('keeps an English greeting and sign-off off a Chinese draft', () => {
    expect(styleForLanguage(profile, 'en')).toBe(profile);
    expect(styleForLanguage(profile, 'zh')).toMatchObject({ greeting: null, signOff: null, formality: 'casual' });
    expect(applyGreetingAndSignOff('王总您好', styleForLanguage(profile, 'zh'))).toBe('王总您好');
  });

  it('adds one style section to the system message and nothing without a profile', () => {
    const req = {
      messages: [
        { role: 'system' as const, content: 'SYS' },
        { role: 'user' as const, content: 'U' },
      ],
      maxTokens: 9,
    };
    expect(withStyle(req, null, 'en')).toBe(req);
    const styled = withStyle(req, profile, 'en');
    expect(styled.messages[0]!.content).toMatch(
      /^SYS\n\n<style>[\s\S]*"Hey \{name\}!"[\s\S]*"Cheers,"[\s\S]*<\/style>$/,
    );
    expect(styled.messages[1]).toEqual(req.messages[1]);
    expect(withStyle(req, profile, 'zh').messages[0]!.content).toContain('开头问候');
  });
});
