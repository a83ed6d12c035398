import type { Day, Person, Pick, Piece, Scenario } from './build-common';

export type ClaimType =
  | 'price'
  | 'total'
  | 'annual'
  | 'discount'
  | 'quarter'
  | 'perUnit'
  | 'included'
  | 'guarantee'
  | 'visit'
  | 'deadline'
  | 'commit'
  | 'customers'
  | 'meeting'
  | 'partner';

export const DERIVED: ReadonlySet<ClaimType> = new Set(['total', 'annual', 'discount', 'quarter', 'perUnit']);
export const NON_NUMERIC: ReadonlySet<ClaimType> = new Set(['included', 'guarantee', 'visit', 'commit']);

/** A service with the words the product facts use and the different words a rep would write. */
export type Service = [grounding: string, draft: string];

export interface Pack {
  lang: Scenario['lang'];
  count: number;
  people: Person[];
  senders: Person[];
  companies: string[];
  titles: string[];
  vendors: Array<[vendor: string, product: string]>;
  partners: string[];
  fakePartners: string[];
  prices: number[];
  unitPrices: number[];
  services: Service[];
  money: (p: Pick, amount: number) => string;
  count_: (n: number) => string;
  date: (p: Pick, d: Day) => string;
  time: (p: Pick, h: number, m: number) => string;
  greet: (p: Pick, s: Scenario) => string;
  signoff: (p: Pick, s: Scenario) => string;
  close: (p: Pick, s: Scenario) => string;
  crm: (s: Scenario) => string;
  senderLine: (s: Scenario) => string;
  threadLabel: (s: Scenario) => string;
  productLabel: (s: Scenario) => string;
  claims: Partial<Record<ClaimType, (p: Pick, s: Scenario, ok: boolean) => Piece>>;
}
