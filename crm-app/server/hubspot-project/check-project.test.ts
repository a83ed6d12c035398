import { translate } from '@hubspot/project-parsing-lib/translate';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../app-config';
import { checkHubSpotProject } from './check-project';

const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));
const APP = 'src/app/app-hsmeta.json';
const CARD = 'src/app/cards/persona-card-hsmeta.json';
const SETTINGS = 'src/app/settings/settings-hsmeta.json';
const WEBHOOKS = 'src/app/webhooks/webhooks-hsmeta.json';

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

describe('the crm-app HubSpot project', () => {
  it('passes every check', async () => {
    const report = await checkHubSpotProject(PROJECT_DIR);

    expect(report.problems).toEqual([]);
    expect(report.components).toEqual([
      { uid: 'closer_app', type: 'app', file: APP },
      { uid: 'closer_persona_card', type: 'card', file: CARD },
      { uid: 'closer_settings', type: 'settings', file: SETTINGS },
      { uid: 'closer_webhooks', type: 'webhooks', file: WEBHOOKS },
    ]);
  });

  it.each(['src/app/cards/config/backend.ts', 'src/app/settings/utils/loadSettings.ts'])(
    'lets %s reach the backend: its BACKEND_ORIGIN is in permittedUrls.fetch',
    (file) => {
      const source = readFileSync(path.join(PROJECT_DIR, file), 'utf8');
      const origin = /export const BACKEND_ORIGIN = '([^']+)'/.exec(source)?.[1];
      const app = readJson(path.join(PROJECT_DIR, APP)) as { config: { permittedUrls: { fetch: string[] } } };

      expect(origin).toMatch(/^https:\/\//);
      expect(app.config.permittedUrls.fetch).toContain(origin);
    },
  );

  it('declares exactly the scopes the backend asks HubSpot for, required and optional', () => {
    const app = readJson(path.join(PROJECT_DIR, APP)) as {
      config: { auth: { requiredScopes: string[]; optionalScopes: string[] } };
    };
    expect(app.config.auth.requiredScopes).toEqual([...REQUIRED_SCOPES]);
    expect(app.config.auth.optionalScopes).toEqual([...OPTIONAL_SCOPES]);
  });
});

describe('checkHubSpotProject on a broken copy', () => {
  let copy: string | undefined;
  afterEach(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
    copy = undefined;
  });

  /** A copy of crm-app's project files (not node_modules, not the server) that a test may break. */
  function projectCopy(): string {
    copy = mkdtempSync(path.join(tmpdir(), 'closer-hsproject-'));
    cpSync(path.join(PROJECT_DIR, 'hsproject.json'), path.join(copy, 'hsproject.json'));
    cpSync(path.join(PROJECT_DIR, 'src'), path.join(copy, 'src'), {
      recursive: true,
      filter: (source) => path.basename(source) !== 'node_modules',
    });
    return copy;
  }

  function edit(dir: string, file: string, change: (json: Record<string, unknown>) => void): void {
    const json = readJson(path.join(dir, file));
    change(json);
    writeFileSync(path.join(dir, file), JSON.stringify(json, null, 2));
  }

  const config = (json: Record<string, unknown>) => json.config as Record<string, unknown>;

  const BREAKAGES: [string, (dir: string) => void, RegExp][] = [
    ['invalid JSON in a card config', (dir) => writeFileSync(path.join(dir, CARD), '{ "uid": '), /invalid JSON/],
    ['a missing required field', (dir) => edit(dir, APP, (j) => delete config(j).name), /config\.name/],
    ['a duplicate uid', (dir) => edit(dir, CARD, (j) => (j.uid = 'closer_app')), /duplicate uid "closer_app"/],
    [
      'a missing entrypoint file',
      (dir) => renameSync(path.join(dir, 'src/app/cards/PersonaCard.tsx'), path.join(dir, 'src/app/cards/Other.tsx')),
      /entrypoint \/app\/cards\/PersonaCard\.tsx does not exist/,
    ],
    [
      'another platform version',
      (dir) => edit(dir, 'hsproject.json', (j) => (j.platformVersion = '2025.2')),
      /platformVersion/,
    ],
    [
      'a nested component folder',
      (dir) => {
        mkdirSync(path.join(dir, 'src/app/cards/extra'));
        renameSync(path.join(dir, CARD), path.join(dir, 'src/app/cards/extra/persona-card-hsmeta.json'));
      },
      /nested component folder/,
    ],
    ['an unexpected top-level key', (dir) => edit(dir, CARD, (j) => (j.version = 2)), /Unrecognized key.*version/],
    ['an invalid uid', (dir) => edit(dir, CARD, (j) => (j.uid = 'has spaces')), /uid: .*only letters, numbers/],
    [
      'a card config in another component folder',
      (dir) => {
        mkdirSync(path.join(dir, 'src/app/settings'), { recursive: true });
        renameSync(path.join(dir, CARD), path.join(dir, 'src/app/settings/persona-card-hsmeta.json'));
      },
      /belongs in src\/app\/cards\//,
    ],
    [
      'a config file HubSpot would ignore for its name',
      (dir) => renameSync(path.join(dir, CARD), path.join(dir, 'src/app/cards/persona-card.hsmeta.json')),
      /does not end in "-hsmeta\.json"/,
    ],
    [
      'a second settings page',
      (dir) => cpSync(path.join(dir, SETTINGS), path.join(dir, 'src/app/settings/more-hsmeta.json')),
      /at most one "settings" component/,
    ],
    [
      'a settings entrypoint outside /app/settings/',
      (dir) => edit(dir, SETTINGS, (j) => (config(j).entrypoint = '/app/cards/PersonaCard.tsx')),
      /must be a \.jsx or \.tsx file under \/app\/settings\//,
    ],
    [
      'a missing settings entrypoint file',
      (dir) =>
        renameSync(path.join(dir, 'src/app/settings/Settings.tsx'), path.join(dir, 'src/app/settings/Other.tsx')),
      /entrypoint \/app\/settings\/Settings\.tsx does not exist/,
    ],
    [
      'an unknown card location',
      (dir) => edit(dir, CARD, (j) => (config(j).location = 'crm.record.middle')),
      /config\.location/,
    ],
    [
      'a plain-http fetch origin',
      (dir) =>
        edit(dir, APP, (j) => ((config(j).permittedUrls as { fetch: string[] }).fetch = ['http://api.closer.example'])),
      /permittedUrls\.fetch\.0: must be a public https/,
    ],
    [
      'a marketplace app with static auth',
      (dir) =>
        edit(dir, APP, (j) => {
          config(j).distribution = 'marketplace';
          config(j).auth = { type: 'static', requiredScopes: ['crm.objects.contacts.read'] };
        }),
      /marketplace app must use oauth/,
    ],
    [
      'no required scopes',
      (dir) => edit(dir, APP, (j) => ((config(j).auth as { requiredScopes: string[] }).requiredScopes = [])),
      /requiredScopes/,
    ],
    [
      'a component type without a schema in this checker',
      (dir) => {
        mkdirSync(path.join(dir, 'src/app/app-objects'));
        writeFileSync(
          path.join(dir, 'src/app/app-objects/thing-hsmeta.json'),
          JSON.stringify({ uid: 'closer_thing', type: 'app-object', config: {} }),
        );
      },
      /no config schema for type "app-object"/,
    ],
    [
      'a second app',
      (dir) => edit(dir, CARD, (j) => (j.type = 'app')),
      /expected exactly one "app" component, found 2/,
    ],
    [
      'a dev proxy for an origin the app may not fetch',
      (dir) =>
        writeFileSync(
          path.join(dir, 'src/app/local.json'),
          JSON.stringify({ proxy: { 'https://other.example': 'http://127.0.0.1:1' } }),
        ),
      /proxies https:\/\/other\.example/,
    ],
  ];

  it.each(BREAKAGES)('reports %s', async (_what, breakIt, expected) => {
    const dir = projectCopy();
    breakIt(dir);

    const { problems } = await checkHubSpotProject(dir);

    expect(problems.map((p) => `${p.file}: ${p.message}`).join('\n')).toMatch(expected);
  });

  it('is needed because project-parsing-lib alone silently drops an unreadable config', async () => {
    const dir = projectCopy();
    writeFileSync(path.join(dir, CARD), '{ "uid": ');

    const { intermediateRepresentation, skippedHsMetaFiles } = await translate(
      { projectSourceDir: path.join(dir, 'src'), platformVersion: '2026.03' },
      { skipValidation: true },
    );

    // The card is gone without a word; the other components are still there.
    expect(Object.keys(intermediateRepresentation.intermediateNodesIndexedByUid).sort()).toEqual([
      'closer_app',
      'closer_settings',
      'closer_webhooks',
    ]);
    expect(skippedHsMetaFiles).toEqual([]);
  });

  it('reports a missing hsproject.json instead of throwing', async () => {
    const dir = projectCopy();
    rmSync(path.join(dir, 'hsproject.json'));

    const { problems } = await checkHubSpotProject(dir);

    expect(problems).toEqual([{ file: 'hsproject.json', message: expect.stringContaining('cannot be read') }]);
  });
});
