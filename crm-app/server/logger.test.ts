import { describe, expect, it } from 'vitest';
import { createLogger, errorFields, redactUrl } from './logger';

function capture(level: Parameters<typeof createLogger>[0]['level'] = 'debug') {
  const lines: string[] = [];
  const logger = createLogger({ level, write: (line) => lines.push(line) });
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, records };
}

describe('createLogger', () => {
  it('writes one JSON object per event with time, level and event', () => {
    const { logger, lines, records } = capture();

    logger.info('server.listening', { url: 'http://127.0.0.1:1' });

    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(records()[0]).toMatchObject({ level: 'info', event: 'server.listening', url: 'http://127.0.0.1:1' });
    expect(new Date(String(records()[0]?.time)).toString()).not.toBe('Invalid Date');
  });

  it('drops events below the configured level; silent drops everything', () => {
    const warnOnly = capture('warn');
    warnOnly.logger.debug('a');
    warnOnly.logger.info('b');
    warnOnly.logger.warn('c');
    warnOnly.logger.error('d');
    expect(warnOnly.records().map((r) => r.event)).toEqual(['c', 'd']);

    const silent = capture('silent');
    silent.logger.error('e');
    expect(silent.lines).toEqual([]);
  });

  it('adds child fields, such as the request id, to every line', () => {
    const { logger, records } = capture();

    logger.child({ requestId: 'r-1' }).child({ portalId: 7 }).info('x');

    expect(records()[0]).toMatchObject({ requestId: 'r-1', portalId: 7, event: 'x' });
  });

  it('redacts secrets by key name at any depth', () => {
    const { logger, lines } = capture();

    logger.info('http.request', {
      headers: { Authorization: 'Bearer abc.def', cookie: 'sid=1', 'x-hubspot-signature-v3': 'sig' },
      oauth: { refresh_token: 'r-tok', accessToken: 'a-tok', clientSecret: 's' },
      password: 'hunter2',
      list: [{ apiKey: 'k' }],
    });

    for (const secret of ['abc.def', 'sid=1', 'sig"', 'r-tok', 'a-tok', '"s"', 'hunter2', '"k"']) {
      expect(lines[0]).not.toContain(secret);
    }
    expect(lines[0]).toContain('[redacted]');
  });

  it('strips passwords from URLs inside any string, such as error messages', () => {
    const { logger, lines } = capture();

    logger.error('db.failed', { detail: 'connect postgresql://closer:hunter2@db:5432/x refused' });

    expect(lines[0]).not.toContain('hunter2');
    expect(lines[0]).toContain('postgresql://closer:[redacted]@db:5432/x');
  });

  it('serializes errors with name, message and code', () => {
    const error = Object.assign(new Error('boom'), { code: 'ECONNREFUSED' });
    expect(errorFields(error)).toMatchObject({ error: { name: 'Error', message: 'boom', code: 'ECONNREFUSED' } });
    expect(errorFields('plain')).toEqual({ error: { message: 'plain' } });
  });
});

describe('redactUrl', () => {
  it('hides only the password', () => {
    expect(redactUrl('postgres://u:p@h:1/d')).toBe('postgres://u:[redacted]@h:1/d');
    expect(redactUrl('postgres://h:1/d')).toBe('postgres://h:1/d');
  });
});

describe('logs carry no e-mail address (issue 17)', () => {
  it('redacts addresses in every string field, plain or percent-encoded, at any depth', () => {
    const { logger, lines } = capture();
    logger.info('http.request', { method: 'GET', path: '/v1/contacts/ada.lovelace%40example.com/summary' });
    logger.warn('sync.batch_retry', { reason: 'contacts: Contact ada@example.org already exists', jobs: 3 });
    logger.error('x', { nested: { list: ['Bob <bob.smith+crm@mail.example.co.uk>'] } });
    const text = lines.join('\n');
    expect(text).not.toMatch(/ada\.lovelace|ada@|bob\.smith|example\.org|%40/);
    expect(text).toContain('/v1/contacts/[email]/summary');
    expect(text).toContain('"jobs":3');
  });
});
