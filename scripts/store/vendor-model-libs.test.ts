import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libSourceUrl, sha256, type ModelLibLock } from './model-libs';
import { pinModelLibs, vendorModelLibs } from './vendor-model-libs';

/**
 * The vendoring mechanism against a local HTTP server standing in for the pinned GitHub commit (there is no network
 * here): a small file of known hash is placed, a wrong hash is refused and leaves the previous libraries in place.
 */
const LIB = new TextEncoder().encode('\0asm stand-in library for Tiny-MLC');
const FILE = 'Tiny-q4f32_1_cs1k-webgpu.wasm';
let server: Server;
let mirror: string;
let served = LIB;
const dir = mkdtempSync(join(tmpdir(), 'closer-vendor-'));

const lockFor = (hash: string): ModelLibLock => ({
  source: { repo: 'mlc-ai/binary-mlc-llm-libs', commit: 'b'.repeat(40), path: 'web-llm-models/v0_2_86/base' },
  wanted: [{ modelId: 'Tiny-MLC', file: FILE }],
  libs: [{ modelId: 'Tiny-MLC', file: FILE, sha256: hash, bytes: LIB.length }],
});

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === `/libs/${FILE}`) res.end(served);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/libs`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('vendor:model-libs', () => {
  it('places a library whose hash matches, with the index the extension reads', async () => {
    served = LIB;
    const out = join(dir, 'ok');
    const index = await vendorModelLibs({ lock: lockFor(sha256(LIB)), outDir: out, mirror });
    expect(readFileSync(join(out, FILE))).toEqual(Buffer.from(LIB));
    expect(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'))).toEqual(index);
    expect(index.libs.map((l) => l.modelId)).toEqual(['Tiny-MLC']);
  });

  it('refuses a file whose hash differs and keeps the previous set', async () => {
    const out = join(dir, 'tampered');
    mkdirSync(out);
    writeFileSync(join(out, 'index.json'), '{"libs":[]}');
    served = new TextEncoder().encode('\0asm tampered library, same name');
    await expect(vendorModelLibs({ lock: lockFor(sha256(LIB)), outDir: out, mirror })).rejects.toThrow(/refused/);
    expect(existsSync(join(out, FILE))).toBe(false);
    expect(readFileSync(join(out, 'index.json'), 'utf8')).toBe('{"libs":[]}');
  });

  it('refuses a library the mirror does not have', async () => {
    const lock = lockFor(sha256(LIB));
    lock.libs[0]!.file = 'Missing-webgpu.wasm';
    await expect(vendorModelLibs({ lock, outDir: join(dir, 'missing'), mirror })).rejects.toThrow(/HTTP 404/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('reads the same files from a local folder', async () => {
    const local = join(dir, 'local-copy');
    mkdirSync(local);
    writeFileSync(join(local, FILE), LIB);
    const out = join(dir, 'from-folder');
    await vendorModelLibs({ lock: lockFor(sha256(LIB)), outDir: out, mirror: local });
    expect(existsSync(join(out, FILE))).toBe(true);
  });

  it('pins wanted libraries at a commit by recording their hash and size', async () => {
    served = LIB;
    const unpinned: ModelLibLock = { ...lockFor(sha256(LIB)), libs: [] };
    const pinned = await pinModelLibs({ lock: unpinned, commit: 'c'.repeat(40), mirror });
    expect(pinned.source.commit).toBe('c'.repeat(40));
    expect(pinned.libs).toEqual([{ modelId: 'Tiny-MLC', file: FILE, sha256: sha256(LIB), bytes: LIB.length }]);
  });

  it('names the pinned commit, never a branch, when no mirror is given', () => {
    expect(libSourceUrl(lockFor('0'.repeat(64)), FILE)).toBe(
      `https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/${'b'.repeat(40)}/web-llm-models/v0_2_86/base/${FILE}`,
    );
    expect(() =>
      libSourceUrl({ ...lockFor('0'.repeat(64)), source: { ...lockFor('').source, commit: null } }, FILE),
    ).toThrow(/pins no commit/);
  });
});
