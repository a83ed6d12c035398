import { groupNumber, otherDay, wrongFigure, type Day } from './build-common';
import type { Pack } from './packs-types';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WD = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const usd = (n: number): string => groupNumber(n, ',', '.');
const dateEn = (d: Day, style: number): string =>
  style === 0
    ? `${MONTHS[d.m - 1]} ${d.d}, ${d.y}`
    : style === 1
      ? `${d.d} ${MONTHS[d.m - 1]}`
      : `${MONTHS[d.m - 1]} ${d.d}`;

export const EN: Pack = {
  lang: 'en',
  count: 36,
  people: [
    { first: 'Sarah', last: 'Whitfield' },
    { first: 'Marcus', last: 'Oyelaran' },
    { first: 'Priya', last: 'Raman' },
    { first: 'Colin', last: 'MacAllister' },
    { first: 'Dana', last: 'Kowalczyk' },
    { first: 'Hiro', last: 'Tanabe' },
  ],
  senders: [
    { first: 'Tom', last: 'Becker' },
    { first: 'Ava', last: 'Lindqvist' },
    { first: 'Jordan', last: 'Reyes' },
  ],
  companies: ['Northgate Freight', 'Bluewater Clinics', 'Kestrel Robotics', 'Harlow & Finch', 'Pinecrest Schools'],
  titles: ['Head of Operations', 'IT Director', 'VP Sales', 'Procurement Lead'],
  vendors: [
    ['Tallyline', 'Tallyline Pro'],
    ['Fieldnote', 'Fieldnote Teams'],
    ['Brightdesk', 'Brightdesk Service'],
  ],
  partners: ['Salesforce', 'Zendesk', 'NetSuite'],
  fakePartners: ['Oracle', 'Workday', 'ServiceNow'],
  prices: [29, 39, 49, 59, 79, 24.5],
  unitPrices: [420, 650, 1150, 89],
  services: [
    ['onboarding', 'onboarding sessions'],
    ['admin training', 'training for your admins'],
    ['priority support', 'prioritised support'],
    ['data migration', 'migration of your existing data'],
    ['a dedicated success manager', 'a named success manager'],
    ['SSO setup', 'single sign-on set-up'],
  ],
  money: (p, n) => (p.chance(0.7) ? `$${usd(n)}` : `USD ${usd(n)}`),
  count_: (n) => usd(n),
  date: (p, d) => dateEn(d, p.int(0, 2)),
  time: (p, h, m) =>
    p.chance(0.5)
      ? `${h > 12 ? h - 12 : h}${m ? `:${String(m).padStart(2, '0')}` : ''} ${h >= 12 ? 'pm' : 'am'}`
      : `${h}:${String(m).padStart(2, '0')}`,
  greet: (p, s) =>
    p.one([
      `Hi ${s.recipient.first},`,
      `Hello ${s.recipient.first},`,
      `Dear ${s.recipient.first},`,
      `Dear Ms. ${s.recipient.last},`.replace('Ms.', p.one(['Ms.', 'Mr.'])),
    ]),
  signoff: (p, s) => `${p.one(['Best,', 'Kind regards,', 'Cheers,', 'Thanks,', 'Best regards,'])}\n${s.sender.first}`,
  close: (p) =>
    p.one([
      'Would a short call next week help to go through the details?',
      'Let me know if anything in here needs a second look.',
      'Happy to answer any questions before you take this to your team.',
      'Shall I send over the order form?',
    ]),
  crm: (s) => `CRM (recipient): ${s.recipient.first} ${s.recipient.last}, ${s.title}, ${s.company}.`,
  senderLine: (s) => `Sender: ${s.sender.first} ${s.sender.last}, Account Executive at ${s.vendor}.`,
  threadLabel: (s) => `Thread (${s.recipient.first} ${s.recipient.last}, ${s.company}):`,
  productLabel: (s) => `Product facts (${s.vendor}):`,
  claims: {
    price: (p, s, ok) => {
      const v = ok ? s.price : wrongFigure(p, s.price, false);
      const m = EN.money(p, v);
      const text = p.one([
        `${s.product} is ${m} per user per month.`,
        `The list price stays at ${m} a seat per month.`,
        `You would pay ${m}/user/month for ${s.product}.`,
      ]);
      return { text, bad: ok ? [] : [m], product: [`${s.product} costs $${usd(s.price)} per user per month.`] };
    },
    total: (p, s, ok) => {
      const v = ok ? s.seats * s.price : wrongFigure(p, s.seats * s.price);
      const m = EN.money(p, v);
      return {
        text: p.one([
          `For your ${s.seats} users that comes to ${m} a month.`,
          `With ${s.seats} seats, the monthly total is ${m}.`,
          `So the team of ${s.seats} would be ${m} per month in total.`,
        ]),
        bad: ok ? [] : [m],
        product: [`${s.product} costs $${usd(s.price)} per user per month.`],
        thread: [`We would start with ${s.seats} users.`],
        derived: true,
      };
    },
    annual: (p, s, ok) => {
      const v = ok ? s.seats * s.price * 12 : wrongFigure(p, s.seats * s.price * 12);
      const m = EN.money(p, v);
      return {
        text: p.one([
          `Billed annually, that is ${m} per year for all ${s.seats} seats.`,
          `Over a full year your ${s.seats} licences add up to ${m}.`,
        ]),
        bad: ok ? [] : [m],
        product: [`Price: $${usd(s.price)} per user per month, billed monthly or annually.`],
        thread: [`We have ${s.seats} people who need access.`],
        derived: true,
      };
    },
    discount: (p, s, ok) => {
      const d = ok ? s.discount : s.discount + 10;
      const v = s.price * (1 - d / 100);
      const m = EN.money(p, v);
      return {
        text: `With the ${d}% discount for annual terms, each seat comes down to ${m} per month.`,
        bad: ok ? [] : [`${d}%`, m],
        product: [`${s.product}: $${usd(s.price)} per user per month; annual contracts get ${s.discount}% off.`],
        derived: true,
      };
    },
    quarter: (p, s, ok) => {
      const v = ok ? s.seats * s.price * 3 : wrongFigure(p, s.seats * s.price * 3);
      const m = EN.money(p, v);
      return {
        text: p.one([
          `If you prefer quarterly invoices, each one would be ${m}.`,
          `Invoiced per quarter, that's ${m} for the ${s.seats} seats.`,
        ]),
        bad: ok ? [] : [m],
        product: [`${s.product} costs $${usd(s.price)} per user per month; invoices monthly or quarterly.`],
        thread: [`We are ${s.seats} people on the team.`],
        derived: true,
      };
    },
    perUnit: (p, s, ok) => {
      const v = ok ? s.unitPrice : wrongFigure(p, s.unitPrice);
      const m = EN.money(p, v);
      return {
        text: `The bundle works out to ${m} per scanner.`,
        bad: ok ? [] : [m],
        product: [`Hardware bundle: ${s.units} handheld scanners for $${usd(s.units * s.unitPrice)} in total.`],
        derived: true,
      };
    },
    included: (p, s, ok) => {
      const [a, b] = s.services.map((i) => EN.services[i]!) as [[string, string], [string, string]];
      const other = EN.services[s.otherService]!;
      const product = [`Every plan includes ${a[0]} and ${b[0]}.`];
      if (ok) {
        return {
          text: p.one([
            `${cap(a[1])} are part of the package, at no extra cost.`,
            `The price already covers ${b[1]}.`,
            `You also get ${a[1]} with the plan.`,
          ]),
          bad: [],
          product,
          nonNumeric: true,
        };
      }
      const phrase = p.one([`${other[1]} is included`, `free ${other[0]}`]);
      return {
        text: p.one([`And ${phrase} as well.`, `On top of that, ${phrase} for your team.`]),
        bad: [phrase],
        product,
        nonNumeric: true,
      };
    },
    guarantee: (p, s, ok) => {
      const product = [`${s.product} SLA: ${s.uptime}% monthly uptime, guaranteed in the contract.`];
      if (ok)
        return {
          text: p.one([
            `Availability of ${s.uptime}% is guaranteed in writing.`,
            `The contract promises you ${s.uptime}% uptime every month.`,
          ]),
          bad: [],
          product,
          nonNumeric: true,
        };
      const phrase = p.one([
        `a full refund within ${s.moneyBackDays} days`,
        `a money-back guarantee`,
        `guaranteed response within one hour`,
      ]);
      return {
        text: `You are also covered by ${phrase} if anything goes wrong.`,
        bad: [phrase],
        product,
        nonNumeric: true,
      };
    },
    visit: (p, s, ok) => {
      const date = EN.date(p, s.visitDay);
      if (ok)
        return {
          text: p.one([
            `As agreed, our engineer will be on site with you on ${date}.`,
            `Our technician will come by your office on ${date} as discussed.`,
          ]),
          bad: [],
          thread: [
            `${s.recipient.first}: Can someone come to our warehouse on ${dateEn(s.visitDay, 0)} to set up the devices? ${s.sender.first}: Yes, an engineer will visit you that day.`,
          ],
          nonNumeric: true,
        };
      const phrase = p.one(['our engineer will visit your office', 'we will send a technician on site']);
      return {
        text: `On ${date} ${phrase} to get you started.`,
        bad: [phrase],
        thread: [`${s.recipient.first}: A video call on ${dateEn(s.visitDay, 0)} works for the set-up.`],
        nonNumeric: true,
      };
    },
    deadline: (p, s, ok) => {
      const d = ok ? s.deadline : otherDay(p, s.deadline);
      const date = EN.date(p, d);
      return {
        text: p.one([`Everything will be live by ${date}.`, `We'll have the rollout finished by ${date}.`]),
        bad: ok ? [] : [date],
        thread: [
          `${s.recipient.first}: We need the rollout completed by ${dateEn(s.deadline, 0)}. ${s.sender.first}: Understood, we can meet that date.`,
        ],
      };
    },
    commit: (p, s, ok) => {
      const date = EN.date(p, s.deadline);
      const thread = [
        `${s.sender.first}: We will deliver the HubSpot integration by ${dateEn(s.deadline, 0)}, as promised on the call.`,
      ];
      if (ok)
        return {
          text: p.one([
            `We commit to delivering the HubSpot integration by ${date}.`,
            `As committed, the HubSpot integration will be ready by ${date}.`,
          ]),
          bad: [],
          thread,
          nonNumeric: true,
        };
      const phrase = p.one([
        'commit to a dedicated engineer for your first month',
        'commit to weekly check-in calls until launch',
      ]);
      return { text: `We also ${phrase}.`, bad: [phrase], thread, nonNumeric: true };
    },
    customers: (p, s, ok) => {
      const v = ok ? s.customers : wrongFigure(p, s.customers);
      const c = `${usd(v)}`;
      return {
        text: p.one([
          `More than ${c} companies already use ${s.product}.`,
          `${s.vendor} serves over ${c} customers today.`,
        ]),
        bad: ok ? [] : [c],
        product: [`${s.customers} customers use ${s.vendor}.`],
      };
    },
    meeting: (p, s, ok) => {
      const h = ok ? s.meetHour : s.meetHour + 2;
      const t = EN.time(p, h, s.meetMinute);
      return {
        text: `Confirming our call on ${WD[weekdayOf(s.meetDay) - 1]}, ${EN.date(p, s.meetDay)}, at ${t}.`,
        bad: ok ? [] : [t],
        thread: [
          `${s.recipient.first}: ${dateEn(s.meetDay, 0)} at ${s.meetHour}:${String(s.meetMinute).padStart(2, '0')} suits me.`,
        ],
      };
    },
    partner: (p, s, ok) => {
      const name = ok ? s.partner : s.fakePartner;
      return {
        text: p.one([
          `We are a certified ${name} partner, so the connector is maintained by us.`,
          `Our integration with ${name} is certified.`,
        ]),
        bad: ok ? [] : [name],
        product: [`Certified integration partner: ${s.partner}.`],
      };
    },
  },
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

import { weekday as weekdayOf } from './build-common';
