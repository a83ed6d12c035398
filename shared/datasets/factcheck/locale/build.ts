/**
 * Writes the multilingual fact-check set (see PROVENANCE.md): npx tsx shared/datasets/factcheck/locale/build.ts
 * Output: locale-all.jsonl, locale-tune.jsonl and locale-heldout.jsonl next to this file. Deterministic (seeded).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fnv1a32, Pick, rng, type Day, type Piece, type Row, type Scenario } from './build-common';
import { EN } from './pack-en';
import { DE, FR } from './pack-de-fr';
import { ES, IT, NL, PT } from './pack-es-pt-it-nl';
import { FI, NB, PL, SV } from './pack-nordic-pl';
import { ZH } from './pack-zh';
import { DERIVED, NON_NUMERIC, type ClaimType, type Pack } from './packs-types';

const POOLS: Record<Scenario['situation'], ClaimType[]> = {
  pricing: ['price', 'total', 'annual', 'discount', 'quarter', 'perUnit', 'included'],
  renewal: ['annual', 'discount', 'quarter', 'guarantee', 'deadline', 'commit', 'included', 'price'],
  support: ['guarantee', 'included', 'visit', 'deadline', 'commit', 'meeting'],
  scheduling: ['meeting', 'visit', 'deadline', 'commit'],
  partnership: ['partner', 'customers', 'included', 'guarantee', 'meeting'],
};
const SITUATIONS = Object.keys(POOLS) as Array<Scenario['situation']>;

function day(p: Pick): Day {
  return { y: 2026, m: p.int(2, 11), d: p.int(5, 26) };
}

function scenario(p: Pick, pack: Pack, situation: Scenario['situation']): Scenario {
  const [vendor, product] = p.one(pack.vendors);
  const services = p.shuffle([...pack.services.keys()]);
  return {
    lang: pack.lang,
    situation,
    recipient: p.one(pack.people),
    title: p.one(pack.titles),
    company: p.one(pack.companies),
    sender: p.one(pack.senders),
    vendor,
    product,
    price: p.one(pack.prices),
    seats: p.one([8, 12, 15, 20, 25, 40, 45, 60, 75, 120, 150]),
    discount: p.one([5, 10, 15, 20, 25]),
    uptime: p.one([99.5, 99.9, 99.95]),
    customers: p.one([800, 1200, 2500, 4000, 12_000, 350]),
    partner: p.one(pack.partners),
    fakePartner: p.one(pack.fakePartners),
    services: [services[0]!, services[1]!],
    otherService: services[2]!,
    visitDay: day(p),
    deadline: day(p),
    meetDay: day(p),
    meetHour: p.int(9, 16),
    meetMinute: p.one([0, 0, 30, 15]),
    units: p.one([2, 4, 5, 10, 12]),
    unitPrice: p.one(pack.unitPrices),
    moneyBackDays: p.one([14, 30, 60]),
  };
}

function draftFor(p: Pick, pack: Pack, index: number): Row {
  const situation = SITUATIONS[index % SITUATIONS.length]!;
  const s = scenario(p, pack, situation);
  const pool = POOLS[situation].filter((c) => pack.claims[c]);
  const chosen = p.shuffle(pool).slice(0, p.int(2, Math.min(4, pool.length)));
  const pieces: Piece[] = chosen.map((c) => pack.claims[c]!(p, s, p.chance(0.6)));
  const body: string[] = [];
  let paragraph: string[] = [];
  for (const piece of pieces) {
    paragraph.push(piece.text);
    if (paragraph.length >= 2 || p.chance(0.4)) {
      body.push(paragraph.join(pack.lang === 'zh' ? '' : ' '));
      paragraph = [];
    }
  }
  if (paragraph.length > 0) body.push(paragraph.join(pack.lang === 'zh' ? '' : ' '));
  const draft = [pack.greet(p, s), ...body, pack.close(p, s), pack.signoff(p, s)].join('\n\n');
  const uniq = (xs: string[]): string[] => [...new Set(xs)];
  const thread = uniq(pieces.flatMap((x) => x.thread ?? []));
  const product = uniq(pieces.flatMap((x) => x.product ?? []));
  const grounding: string[] = [];
  if (thread.length > 0) grounding.push(`${pack.threadLabel(s)} ${thread.join(' ')}`);
  if (product.length > 0) grounding.push(`${pack.productLabel(s)} ${product.join(' ')}`);
  grounding.push(pack.crm(s), pack.senderLine(s));
  const unsupported = uniq(pieces.flatMap((x) => x.bad));
  for (const u of unsupported) if (!draft.includes(u)) throw new Error(`${pack.lang}: "${u}" not in draft`);
  return {
    id: `${pack.lang}-${String(index + 1).padStart(3, '0')}`,
    lang: pack.lang,
    situation,
    derived: chosen.some((c) => DERIVED.has(c)),
    nonNumeric: chosen.some((c) => NON_NUMERIC.has(c)),
    draft,
    grounding,
    unsupported,
  };
}

const PACKS: Pack[] = [EN, ZH, DE, FR, ES, PT, IT, NL, PL, SV, NB, FI];
const p = new Pick(rng(20261207));
const rows: Row[] = [];
for (const pack of PACKS) for (let i = 0; i < pack.count; i++) rows.push(draftFor(p, pack, i));

const dir = import.meta.dirname;
const line = (r: Row): string => JSON.stringify(r);
writeFileSync(resolve(dir, 'locale-all.jsonl'), rows.map(line).join('\n') + '\n');
const held = rows.filter((r) => fnv1a32(r.id) % 3 === 0);
const tune = rows.filter((r) => fnv1a32(r.id) % 3 !== 0);
writeFileSync(resolve(dir, 'locale-heldout.jsonl'), held.map(line).join('\n') + '\n');
writeFileSync(resolve(dir, 'locale-tune.jsonl'), tune.map(line).join('\n') + '\n');
const share = (f: (r: Row) => boolean): string => (rows.filter(f).length / rows.length).toFixed(2);
const byLang: Record<string, number> = {};
for (const r of rows) byLang[r.lang] = (byLang[r.lang] ?? 0) + 1;
console.log(
  JSON.stringify({
    drafts: rows.length,
    tune: tune.length,
    heldout: held.length,
    byLang,
    derived: share((r) => r.derived),
    nonNumeric: share((r) => r.nonNumeric),
    allSupported: share((r) => r.unsupported.length === 0),
    expected: rows.reduce((n, r) => n + r.unsupported.length, 0),
  }),
);
