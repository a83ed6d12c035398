import { describe, expect, it } from 'vitest';
import { factCheck } from './check';
import { roundingTolerance } from './derive';
import { parseLocaleNumber } from './numbers';

const flagged = (draft: string, grounding: string[]): string[] =>
  factCheck(draft, grounding).unsupported.map((u) => u.text);

describe('derived figures', () => {
  const G = [
    'Product facts: Tallyline Pro costs $49 per user per month; annual contracts get 15% off.',
    'Thread: We would start with 25 users.',
  ];
  it.each([
    ['seats × price', 'For your 25 users that comes to $1,225 a month.'],
    ['seats × price × 12', 'That is $14,700 per year for all 25 seats.'],
    ['a quarter', 'Invoiced per quarter, that is $3,675.'],
    ['discount applied', 'With 15% off, each seat is $41.65 per month.'],
  ])('backs %s', (_name, draft) => {
    expect(flagged(draft, G)).toEqual([]);
  });

  it('flags a total that does not follow, and says what was tried', () => {
    const result = factCheck('For your 25 users that comes to $1,400 a month.', G);
    expect(result.unsupported.map((u) => u.text)).toEqual(['$1,400']);
    expect(result.unsupported[0]?.reason.en).toMatch(/Tried .*count.*month\/quarter\/year.*discount/);
    expect(result.unsupported[0]?.reason.zh).toMatch(/已尝试/);
  });

  it('backs a per-unit price from a bundle total, across local formats', () => {
    expect(
      flagged('Das sind umgerechnet 380 € pro Scanner.', ['Hardware-Paket: 4 Handscanner für insgesamt 1.520 €.']),
    ).toEqual([]);
    expect(flagged('十台设备算下来每台8,500元。', ['硬件套装：10台扫码终端，合计85000元。'])).toEqual([]);
  });

  it('does not multiply by counts that are not seats or units', () => {
    // 1,200 customers × $49 is no figure a rep would quote.
    expect(flagged('That is $58,800.', ['Closer Pro costs $49 per user per month. 1,200 customers.'])).toEqual([
      '$58,800',
    ]);
  });

  it('converts a price only in the direction its period allows', () => {
    const monthly = ['Produktinfo: Bokaren kostar 400 kr per användare och månad.', 'Tråd: Vi blir 6 användare.'];
    // 6 × 400 × 3 a quarter, × 12 a year: backed.
    expect(flagged('Per kvartal blir det 7 200 kr.', monthly)).toEqual([]);
    expect(flagged('Per år blir det 28 800 kr.', monthly)).toEqual([]);
    // 6 × 400 ÷ 4 would treat the monthly price as a yearly one.
    expect(flagged('Det blir 600 kr.', monthly)).toEqual(['600 kr']);
  });

  it('does not read a period from the next sentence', () => {
    // The bundle total is one payment; the monthly billing belongs to the licence in the next sentence.
    const grounding = ['产品资料：硬件套装：4台扫码终端，合计160000元。 云帆CRM按月计费，每用户每月1000元。'];
    expect(flagged('全年硬件费用合计160000元。', grounding)).toEqual([]);
    // 160000 ÷ 12 would need the total to be a yearly price.
    expect(flagged('每月硬件费用13,333元。', grounding)).toEqual(['13,333元']);
  });

  it('reads rounding from the digits written', () => {
    expect(roundingTolerance(26_100)).toBe(50);
    expect(roundingTolerance(5_925)).toBe(0.5);
    expect(roundingTolerance(24.65)).toBe(0.01);
  });
});

describe('local number formats', () => {
  it.each([
    ['1.234,50', 1234.5],
    ['1 234,50', 1234.5],
    ['26\u202f100', 26100],
    ['14,5', 14.5],
    ['1,200.50', 1200.5],
  ])('parses %s', (text, value) => {
    expect(parseLocaleNumber(text)?.value).toBe(value);
  });

  it('keeps both readings of an ambiguous group', () => {
    expect(parseLocaleNumber('1.260')).toEqual({ value: 1260, alts: [1.26] });
  });

  it.each([
    ['Der Preis liegt bei 1.234,50 € im Monat.', 'Preis: 1234,50 EUR pro Monat.'],
    ['Le total est de 26\u202f100 EUR.', 'Total : 26 100 €.'],
    ['Custa R$ 1.490 por mês.', 'Preço: 1490 reais por mês.'],
    ['报价4.2万元。', '报价42000元。'],
    ['两台设备。', '共2台设备。'],
    ['Termin am 30.06.2026 um 14.30 Uhr.', 'Termin: 30. Juni 2026, 14:30.'],
    ['Rendez-vous le 25 novembre à 10h30.', 'Le 25/11/2026 à 10:30.'],
    ['Spotkanie 30 czerwca o 14.30.', 'Spotkanie 30.06.2026, 14:30.'],
    ['Tapaaminen maanantaina 9.11.2026 klo 16.00.', 'Tapaaminen 9. marraskuuta 2026 klo 16.00.'],
    ['See you at 14.10.', 'Call at 14:10.'],
  ])('backs "%s" by "%s"', (draft, grounding) => {
    expect(flagged(draft, [grounding])).toEqual([]);
  });

  it('flags a weekday the calendar contradicts, not one that agrees', () => {
    expect(flagged('Call on Tuesday, 21.04.2026.', ['Call on 21.04.2026.'])).toEqual([]);
    expect(flagged('Call on Monday, 21.04.2026.', ['Call on 21.04.2026.'])).toEqual(['Monday']);
    // With an article between them ("onsdag den 11 mars"), the weekday still restates the date.
    expect(flagged('Vi ses tisdag den 21 april 2026.', ['Tråd: Den 2026-04-21 passar bra.'])).toEqual([]);
    expect(flagged('Vi ses måndag den 21 april 2026.', ['Tråd: Den 2026-04-21 passar bra.'])).toEqual(['måndag']);
  });

  it('lets a draft add the year to a date the thread gave without one, but not change a year it gave', () => {
    expect(flagged('工程师2026年9月3日上门安装。', ['往来邮件：9月3日可以，当天安排工程师上门。'])).toEqual([]);
    expect(flagged('工程师2027年9月3日上门安装。', ['往来邮件：2026年9月3日可以，当天安排工程师上门。'])).toEqual([
      '2027年9月3日',
    ]);
  });

  it('does not read a letter glued to a figure as a scale when it starts a word ("40 käyttäjällä")', () => {
    const grounding = ['Tuotetiedot: 25 € per käyttäjä kuukaudessa.', 'Viestiketju: Aloitamme 40 käyttäjällä.'];
    expect(flagged('40 käyttäjälle se tekee 1 000 € kuukaudessa.', grounding)).toEqual([]);
    expect(flagged('Meillä on 40k käyttäjää.', grounding)).toEqual(['40k']);
  });
});
