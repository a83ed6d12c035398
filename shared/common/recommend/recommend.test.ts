import { describe, expect, it } from 'vitest';
import { buildCatalogueIndex, recommend, recommendWithEmbeddings, stem, termsOf, type CatalogueItem } from './index';

const item = (id: string, name: string, description: string, tags: string[], kind: CatalogueItem['kind'] = 'product') =>
  ({ id, kind, name, description, tags, updatedAt: 0 }) satisfies CatalogueItem;

const CATALOGUE: CatalogueItem[] = [
  item('sync', 'CRM Sync', 'Two-way sync that ends manual CRM data entry for sales teams.', [
    'crm',
    'data entry',
    'automation',
  ]),
  item('sso', 'SSO and audit log', 'SAML single sign-on and an audit log for security reviews.', [
    'security',
    'sso',
    'compliance',
  ]),
  item(
    'roi',
    'ROI calculator guide',
    'A guide for buyers in evaluation: build the business case and the ROI of sales tooling.',
    ['evaluation', 'roi', 'business case'],
    'content',
  ),
  item(
    'webinar',
    'Cold email webinar',
    'How to write cold emails that get replies.',
    ['prospecting', 'email'],
    'content',
  ),
];

describe('recommend (TF-IDF)', () => {
  it('ranks the item that matches the pain point first and says which terms matched', () => {
    const results = recommend(CATALOGUE, { painPoints: ['slow manual data entry in the CRM'] });
    expect(results[0]?.item.id).toBe('sync');
    const reason = results[0]?.reasons[0];
    expect(reason?.field).toBe('painPoints');
    expect(reason?.value).toBe('slow manual data entry in the CRM');
    expect(reason?.terms).toEqual(expect.arrayContaining(['crm', 'data', 'entry', 'manual']));
    // Items sharing no term are left out rather than ranked at zero.
    expect(results.map((r) => r.item.id)).not.toContain('webinar');
  });

  it('splits the score exactly into the reasons, heaviest first, and keeps scores in 0–1', () => {
    const [top] = recommend(CATALOGUE, {
      painPoints: ['security review takes months'],
      interests: ['single sign-on'],
      buyingStage: 'evaluation',
    });
    expect(top?.item.id).toBe('sso');
    expect(top?.score).toBeGreaterThan(0);
    expect(top?.score).toBeLessThanOrEqual(1);
    const weights = top?.reasons.map((r) => r.weight) ?? [];
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
    expect(top?.reasons.map((r) => r.field)).toEqual(expect.arrayContaining(['painPoints', 'interests']));
  });

  it('lets the buying stage decide between otherwise equal items', () => {
    const results = recommend(CATALOGUE, { buyingStage: 'evaluation', goals: ['a business case for sales tooling'] });
    expect(results[0]?.item.id).toBe('roi');
    expect(results[0]?.reasons.find((r) => r.field === 'buyingStage')?.terms).toEqual(['evaluation']);
  });

  it('weighs rare terms above common ones', () => {
    // "sales" is in two items, "prospecting" in one: a persona mentioning both prefers the rarer match.
    const results = recommend(CATALOGUE, { interests: ['sales', 'prospecting'] });
    expect(results[0]?.item.id).toBe('webinar');
  });

  it('matches Chinese by character bigrams', () => {
    const zh = [
      item('zh-sync', '客户数据同步', '自动同步客户数据，告别手工录入。', ['数据录入', '自动化']),
      item('zh-sec', '单点登录', '企业级安全与合规审计。', ['安全', '合规']),
    ];
    const results = recommend(zh, { painPoints: ['手工录入客户数据太慢'] });
    expect(results[0]?.item.id).toBe('zh-sync');
    expect(results[0]?.reasons[0]?.terms).toEqual(expect.arrayContaining(['录入', '数据']));
    expect(results.map((r) => r.item.id)).not.toContain('zh-sec');
    const sec = recommend(zh, { interests: ['合规审计'] });
    expect(sec[0]?.item.id).toBe('zh-sec');
  });

  it('returns nothing for an empty catalogue or an empty persona', () => {
    expect(recommend([], { painPoints: ['anything'] })).toEqual([]);
    expect(recommend(CATALOGUE, {})).toEqual([]);
    expect(recommend(CATALOGUE, { interests: ['the and of'] })).toEqual([]);
  });

  it('honours the limit and reuses a prebuilt index', () => {
    const index = buildCatalogueIndex(CATALOGUE);
    const persona = { interests: ['sales crm security evaluation email'] };
    expect(recommend(index, persona, { limit: 2 })).toHaveLength(2);
    expect(recommend(index, persona, { limit: 10 }).length).toBe(4);
  });

  it('stems plurals and verb forms, and drops function words and single Chinese characters', () => {
    expect(stem('reports')).toBe(stem('report'));
    expect(stem('reporting')).toBe(stem('report'));
    expect(stem('pricing')).toBe(stem('price'));
    expect(termsOf('the reports of 数据').map((t) => t.surface)).toEqual(['reports', '数据']);
  });
});

describe('recommendWithEmbeddings', () => {
  it('falls back to TF-IDF and says so when no embedding model is loaded', async () => {
    const { method, results } = await recommendWithEmbeddings(CATALOGUE, { painPoints: ['crm data entry'] }, undefined);
    expect(method).toBe('tfidf');
    expect(results[0]?.item.id).toBe('sync');
  });

  it('blends in the embedding, so an item can rank on meaning without a shared word', async () => {
    // A fake model: the persona and the webinar point the same way, everything else is orthogonal.
    const embed = async (texts: readonly string[]) =>
      texts.map((t, i) => (i === 0 || t.startsWith('Cold email') ? [1, 0] : [0, 1]));
    const { method, results } = await recommendWithEmbeddings(CATALOGUE, { painPoints: ['crm data entry'] }, embed, {
      embeddingWeight: 0.8,
    });
    expect(method).toBe('blend');
    expect(results[0]?.item.id).toBe('webinar');
    expect(results[0]?.embedding).toBeCloseTo(1);
    expect(results[0]?.reasons).toEqual([]);
  });

  it('rejects a model that returns the wrong number of vectors', async () => {
    await expect(recommendWithEmbeddings(CATALOGUE, { interests: ['crm'] }, async () => [[1]])).rejects.toThrow(
      /wrong count/,
    );
  });
});
