/**
 * Property-based fuzzing of the extension's message boundary (issue 17): every method of the worker's catalogue gets
 * at least 1,000 generated params through the real router, and the sender policy gets generated senders. Properties:
 * the router never throws and answers every request with one well-formed envelope; a refused request never reaches
 * its handler (no state change); a content script is refused every method but the page allowlist. Prints the counts.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL, ResponseEnvelopeSchema } from '../../shared/common/protocol/envelopes';
import { createRouter, type Handlers } from '../../shared/common/protocol/router';
import { methods, type Methods } from './methods';
import { CONTENT_SCRIPT_METHODS, methodRefusal } from './sender-policy';

const RUNS = 1_000;
const EXTENSION_ID = 'a'.repeat(32);
const counts = { methods: 0, cases: 0, refused: 0, accepted: 0, crashes: 0 };

/** Params as a hostile or buggy caller could send them: anything JSON-like, objects of random keys, big strings. */
const hostileParams = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.dictionary(fc.string(), fc.jsonValue()),
  fc.record({ id: fc.string(), text: fc.string({ maxLength: 5_000 }), limit: fc.integer(), tabId: fc.integer() }),
  fc.constantFrom(null, undefined, {}, [], '', 0, Number.NaN, { __proto__: { polluted: true } }),
);

describe('extension message protocol fuzz', () => {
  afterAll(() => {
    console.log(`protocol fuzz: ${JSON.stringify(counts)}`);
  });

  it(`every method: ${RUNS} generated params each; one well-formed answer, refusals never reach the handler`, async () => {
    const names = Object.keys(methods) as (keyof Methods)[];
    for (const name of names) {
      let calls = 0;
      const handlers = { [name]: () => void calls++ } as unknown as Handlers<Methods>;
      const route = createRouter(methods, handlers);
      await fc.assert(
        fc.asyncProperty(hostileParams, async (params) => {
          const before = calls;
          let answer;
          try {
            answer = await route({ protocol: PROTOCOL, kind: 'request', id: 'r1', method: name, params });
          } catch (err) {
            counts.crashes++;
            throw err;
          }
          counts.cases++;
          expect(ResponseEnvelopeSchema.safeParse(answer).success).toBe(true);
          if (answer.ok) {
            counts.accepted++;
            expect(calls).toBe(before + 1);
          } else {
            counts.refused++;
            expect(answer.error.code).toBe('invalid_params');
            expect(calls).toBe(before);
          }
        }),
        { numRuns: RUNS },
      );
      counts.methods++;
    }
    expect(counts.crashes).toBe(0);
    expect(counts.cases).toBeGreaterThanOrEqual(names.length * RUNS);
  }, 600_000);

  it(`whole envelopes: ${RUNS} generated messages; malformed ones are answered, never thrown`, async () => {
    const route = createRouter(methods, {} as Handlers<Methods>);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ protocol: fc.string(), kind: fc.string(), id: fc.anything(), method: fc.string() }),
        ),
        async (raw) => {
          const answer = await route(raw);
          expect(answer.ok).toBe(false);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`sender policy: ${RUNS} generated senders per method; content scripts reach only the page allowlist`, () => {
    const sender = fc.record(
      {
        id: fc.oneof(fc.constant(EXTENSION_ID), fc.string()),
        url: fc.oneof(
          fc.webUrl(),
          fc.constant('https://mail.google.com/mail/u/0/'),
          fc.string().map((s) => `chrome-extension://${EXTENSION_ID}${s}`),
        ),
        origin: fc.oneof(fc.webUrl(), fc.constant(`chrome-extension://${EXTENSION_ID}`)),
        tab: fc.record({ id: fc.nat() }),
      },
      { requiredKeys: ['id'] },
    );
    const names = [...Object.keys(methods), 'host.loadModel', 'x.unknown'];
    for (const method of names) {
      fc.assert(
        fc.property(sender, (s) => {
          const extensionOrigin = `chrome-extension://${EXTENSION_ID}`;
          const isPage =
            s.id === EXTENSION_ID &&
            (s.origin === undefined || s.origin === extensionOrigin) &&
            s.url !== undefined &&
            s.url.startsWith(`${extensionOrigin}/`);
          const refusal = methodRefusal(method, s, EXTENSION_ID);
          const allowed = isPage || (s.id === EXTENSION_ID && CONTENT_SCRIPT_METHODS.has(method));
          expect(refusal === null).toBe(allowed);
        }),
        { numRuns: RUNS },
      );
      counts.cases += RUNS;
    }
  });
});
