import {
  groupNumber,
  otherDay,
  weekday,
  wrongFigure,
  type Day,
  type Person,
  type Pick,
  type Piece,
  type Scenario,
} from './build-common';
import type { ClaimType, Pack, Service } from './packs-types';

/** The wording of one European language; `{x}` placeholders are filled per draft. */
export interface EuroWords {
  lang: Scenario['lang'];
  count: number;
  people: Person[];
  senders: Person[];
  companies: string[];
  titles: string[];
  vendors: Array<[string, string]>;
  partners: string[];
  fakePartners: string[];
  prices: number[];
  unitPrices: number[];
  services: Service[];
  /** Thousands separators seen in this language (one picked per figure), decimal mark, currency forms. */
  seps: string[];
  dec: string;
  money: Array<(n: string) => string>;
  pct: (d: number) => string;
  months: string[];
  /** Month forms after a day number, when they differ (Polish genitive). */
  monthsAfterDay?: string[];
  weekdays: string[];
  dates: Array<(d: Day, months: string[]) => string>;
  times: Array<(h: number, m: string) => string>;
  greet: Array<(s: Scenario) => string>;
  signoffs: string[];
  closes: string[];
  crm: (s: Scenario) => string;
  senderLine: (s: Scenario) => string;
  threadLabel: (s: Scenario) => string;
  productLabel: (s: Scenario) => string;
  t: Partial<Record<string, string | string[]>>;
}

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

function list(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function euroPack(w: EuroWords): Pack {
  const fmt = (p: Pick, n: number): string => groupNumber(n, p.one(w.seps), w.dec);
  const money = (p: Pick, n: number): string => p.one(w.money)(fmt(p, n));
  const date = (p: Pick, d: Day): string => p.one(w.dates)(d, w.monthsAfterDay ?? w.months);
  const time = (p: Pick, h: number, m: number): string => p.one(w.times)(h, String(m).padStart(2, '0'));
  const T = (p: Pick, key: string, vars: Record<string, string | number>): string => fill(p.one(list(w.t[key])), vars);
  const has = (...keys: string[]): boolean => keys.every((k) => w.t[k] !== undefined);
  const base = (s: Scenario): Record<string, string | number> => ({
    product: s.product,
    vendor: s.vendor,
    first: s.recipient.first,
    last: s.recipient.last,
    sfirst: s.sender.first,
    n: s.seats,
  });
  // Grounding figures are written in one fixed style: only the draft varies its format.
  const gMoney = (n: number): string => w.money[0]!(groupNumber(n, w.seps[0]!, w.dec));
  const gDate = (d: Day): string => w.dates[0]!(d, w.monthsAfterDay ?? w.months);

  const claims: Partial<Record<ClaimType, (p: Pick, s: Scenario, ok: boolean) => Piece>> = {};
  if (has('priceG', 'price'))
    claims.price = (p, s, ok) => {
      const m = money(p, ok ? s.price : wrongFigure(p, s.price, false));
      return {
        text: T(p, 'price', { ...base(s), m }),
        bad: ok ? [] : [m],
        product: [T(p, 'priceG', { ...base(s), m: gMoney(s.price) })],
      };
    };
  if (has('priceG', 'seatsG', 'total'))
    claims.total = (p, s, ok) => {
      const m = money(p, ok ? s.seats * s.price : wrongFigure(p, s.seats * s.price));
      return {
        text: T(p, 'total', { ...base(s), m }),
        bad: ok ? [] : [m],
        product: [T(p, 'priceG', { ...base(s), m: gMoney(s.price) })],
        thread: [T(p, 'seatsG', base(s))],
        derived: true,
      };
    };
  if (has('priceG', 'seatsG', 'annual'))
    claims.annual = (p, s, ok) => {
      const m = money(p, ok ? s.seats * s.price * 12 : wrongFigure(p, s.seats * s.price * 12));
      return {
        text: T(p, 'annual', { ...base(s), m }),
        bad: ok ? [] : [m],
        product: [T(p, 'priceG', { ...base(s), m: gMoney(s.price) })],
        thread: [T(p, 'seatsG', base(s))],
        derived: true,
      };
    };
  if (has('priceG', 'seatsG', 'quarter'))
    claims.quarter = (p, s, ok) => {
      const m = money(p, ok ? s.seats * s.price * 3 : wrongFigure(p, s.seats * s.price * 3));
      return {
        text: T(p, 'quarter', { ...base(s), m }),
        bad: ok ? [] : [m],
        product: [T(p, 'priceG', { ...base(s), m: gMoney(s.price) })],
        thread: [T(p, 'seatsG', base(s))],
        derived: true,
      };
    };
  if (has('discountG', 'discount'))
    claims.discount = (p, s, ok) => {
      const d = ok ? s.discount : s.discount + 10;
      const m = money(p, s.price * (1 - d / 100));
      const pc = w.pct(d);
      return {
        text: T(p, 'discount', { ...base(s), m, d: pc }),
        bad: ok ? [] : [pc, m],
        product: [T(p, 'discountG', { ...base(s), m: gMoney(s.price), d: w.pct(s.discount) })],
        derived: true,
      };
    };
  if (has('unitG', 'perUnit'))
    claims.perUnit = (p, s, ok) => {
      const m = money(p, ok ? s.unitPrice : wrongFigure(p, s.unitPrice));
      return {
        text: T(p, 'perUnit', { ...base(s), m }),
        bad: ok ? [] : [m],
        product: [T(p, 'unitG', { ...base(s), u: s.units, m: gMoney(s.units * s.unitPrice) })],
        derived: true,
      };
    };
  if (has('includedG', 'includedOk', 'includedBad', 'includedBadFrame'))
    claims.included = (p, s, ok) => {
      const [a, b] = s.services.map((i) => w.services[i]!) as [Service, Service];
      const other = w.services[s.otherService]!;
      const product = [T(p, 'includedG', { ...base(s), a: a[0], b: b[0] })];
      if (ok) {
        const which = p.chance(0.5) ? a : b;
        return { text: cap(T(p, 'includedOk', { ...base(s), x: which[1] })), bad: [], product, nonNumeric: true };
      }
      const phrase = T(p, 'includedBad', { x: other[1] });
      return { text: cap(T(p, 'includedBadFrame', { phrase })), bad: [phrase], product, nonNumeric: true };
    };
  if (has('guaranteeG', 'guaranteeOk', 'guaranteeBad', 'guaranteeBadFrame'))
    claims.guarantee = (p, s, ok) => {
      const up = s.uptime.toString().replace('.', w.dec);
      const product = [T(p, 'guaranteeG', { ...base(s), u: up })];
      if (ok) return { text: T(p, 'guaranteeOk', { ...base(s), u: up }), bad: [], product, nonNumeric: true };
      const phrase = T(p, 'guaranteeBad', { days: s.moneyBackDays });
      return { text: cap(T(p, 'guaranteeBadFrame', { phrase })), bad: [phrase], product, nonNumeric: true };
    };
  if (has('visitThreadOk', 'visitOk', 'visitThreadBad', 'visitBad', 'visitBadFrame'))
    claims.visit = (p, s, ok) => {
      const vars = { ...base(s), date: date(p, s.visitDay), gdate: gDate(s.visitDay) };
      if (ok) return { text: T(p, 'visitOk', vars), bad: [], thread: [T(p, 'visitThreadOk', vars)], nonNumeric: true };
      const phrase = T(p, 'visitBad', vars);
      return {
        text: cap(T(p, 'visitBadFrame', { ...vars, phrase })),
        bad: [phrase],
        thread: [T(p, 'visitThreadBad', vars)],
        nonNumeric: true,
      };
    };
  if (has('deadlineThread', 'deadline'))
    claims.deadline = (p, s, ok) => {
      const d = date(p, ok ? s.deadline : otherDay(p, s.deadline));
      return {
        text: T(p, 'deadline', { ...base(s), date: d }),
        bad: ok ? [] : [d],
        thread: [T(p, 'deadlineThread', { ...base(s), gdate: gDate(s.deadline) })],
      };
    };
  if (has('commitThread', 'commitOk', 'commitBad', 'commitBadFrame'))
    claims.commit = (p, s, ok) => {
      const vars = { ...base(s), date: date(p, s.deadline), gdate: gDate(s.deadline) };
      const thread = [T(p, 'commitThread', vars)];
      if (ok) return { text: T(p, 'commitOk', vars), bad: [], thread, nonNumeric: true };
      const phrase = T(p, 'commitBad', vars);
      return { text: cap(T(p, 'commitBadFrame', { phrase })), bad: [phrase], thread, nonNumeric: true };
    };
  if (has('customersG', 'customers'))
    claims.customers = (p, s, ok) => {
      const c = fmt(p, ok ? s.customers : wrongFigure(p, s.customers));
      return {
        text: T(p, 'customers', { ...base(s), c }),
        bad: ok ? [] : [c],
        product: [T(p, 'customersG', { ...base(s), c: groupNumber(s.customers, w.seps[0]!, w.dec) })],
      };
    };
  if (has('meetingThread', 'meeting'))
    claims.meeting = (p, s, ok) => {
      const t = time(p, ok ? s.meetHour : s.meetHour + 2, s.meetMinute);
      const wd = w.weekdays[weekday(s.meetDay) - 1]!;
      return {
        text: T(p, 'meeting', { ...base(s), t, wd, date: date(p, s.meetDay) }),
        bad: ok ? [] : [t],
        thread: [
          T(p, 'meetingThread', {
            ...base(s),
            gdate: gDate(s.meetDay),
            gt: w.times[0]!(s.meetHour, String(s.meetMinute).padStart(2, '0')),
          }),
        ],
      };
    };
  if (has('partnerG', 'partner'))
    claims.partner = (p, s, ok) => {
      const name = ok ? s.partner : s.fakePartner;
      return {
        text: T(p, 'partner', { ...base(s), x: name }),
        bad: ok ? [] : [name],
        product: [T(p, 'partnerG', { ...base(s), x: s.partner })],
      };
    };

  return {
    lang: w.lang,
    count: w.count,
    people: w.people,
    senders: w.senders,
    companies: w.companies,
    titles: w.titles,
    vendors: w.vendors,
    partners: w.partners,
    fakePartners: w.fakePartners,
    prices: w.prices,
    unitPrices: w.unitPrices,
    services: w.services,
    money,
    count_: (n) => groupNumber(n, w.seps[0]!, w.dec),
    date,
    time,
    greet: (p, s) => p.one(w.greet)(s),
    signoff: (p, s) => `${p.one(w.signoffs)}\n${s.sender.first}`,
    close: (p) => p.one(w.closes),
    crm: w.crm,
    senderLine: w.senderLine,
    threadLabel: w.threadLabel,
    productLabel: w.productLabel,
    claims,
  };
}
