/**
 * `npm run vendor:model-libs`: places each pinned web-llm model library in `public/model-libs/` (copied into the
 * package by the build) with `index.json`, after checking every file against its pinned SHA-256. A file whose hash
 * differs is refused and nothing is replaced, so a tampered mirror or a moved branch cannot reach the package.
 *
 *   npm run vendor:model-libs                           # from the pinned commit of mlc-ai/binary-mlc-llm-libs
 *   npm run vendor:model-libs -- --mirror DIR_OR_URL    # same files from a local copy or mirror, same hashes
 *   npm run vendor:model-libs -- --pin --commit SHA     # release machine: pin `wanted` at SHA and record hashes
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  PACKAGED_LIBS_DIR,
  libSourceUrl,
  lockSchema,
  readLock,
  sha256,
  type ModelLibLock,
  type PackagedIndex,
} from './model-libs';

export type FetchBytes = (source: string) => Promise<Uint8Array>;

/** Reads a library from an http(s) URL or a local path. */
export const fetchBytes: FetchBytes = async (source) => {
  if (!/^https?:\/\//.test(source)) return new Uint8Array(readFileSync(source));
  const res = await fetch(source);
  if (!res.ok) throw new Error(`${source}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
};

/**
 * Downloads and verifies every pinned library, then swaps `outDir` for the verified set in one rename. Throws on the
 * first missing or mismatching file; `outDir` is then left as it was.
 */
export async function vendorModelLibs(opts: {
  lock: ModelLibLock;
  outDir: string;
  mirror?: string;
  fetch?: FetchBytes;
}): Promise<PackagedIndex> {
  const get = opts.fetch ?? fetchBytes;
  const staging = `${opts.outDir}.staging`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    for (const lib of opts.lock.libs) {
      const url = libSourceUrl(opts.lock, lib.file, opts.mirror);
      const bytes = await get(url);
      const actual = sha256(bytes);
      if (actual !== lib.sha256)
        throw new Error(`${lib.file}: SHA-256 ${actual} is not the pinned ${lib.sha256} (from ${url}); refused`);
      if (bytes.length !== lib.bytes)
        throw new Error(`${lib.file}: ${bytes.length} bytes, pinned ${lib.bytes}; refused`);
      writeFileSync(join(staging, lib.file), bytes);
    }
    const index: PackagedIndex = { libs: opts.lock.libs };
    writeFileSync(join(staging, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
    rmSync(opts.outDir, { recursive: true, force: true });
    renameSync(staging, opts.outDir);
    return index;
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Pins every wanted library at `commit`: downloads it once from that commit and records its hash and size. Run on a
 * release machine with network; the lock's diff is then reviewed like code.
 */
export async function pinModelLibs(opts: {
  lock: ModelLibLock;
  commit: string;
  mirror?: string;
  fetch?: FetchBytes;
}): Promise<ModelLibLock> {
  const get = opts.fetch ?? fetchBytes;
  const lock = lockSchema.parse({ ...opts.lock, source: { ...opts.lock.source, commit: opts.commit } });
  const libs = [];
  for (const want of lock.wanted) {
    const bytes = await get(libSourceUrl(lock, want.file, opts.mirror));
    libs.push({ ...want, sha256: sha256(bytes), bytes: bytes.length });
  }
  return { ...lock, libs };
}

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  const { values } = parseArgs({
    options: {
      lock: { type: 'string', default: join(root, 'store/model-libs.lock.json') },
      out: { type: 'string', default: join(root, 'public', PACKAGED_LIBS_DIR) },
      mirror: { type: 'string' },
      pin: { type: 'boolean', default: false },
      commit: { type: 'string' },
    },
  });
  let lock = readLock(values.lock);
  if (values.pin) {
    if (!values.commit) throw new Error('--pin needs --commit <40-hex sha of mlc-ai/binary-mlc-llm-libs>');
    lock = await pinModelLibs({ lock, commit: values.commit, mirror: values.mirror });
    writeFileSync(values.lock, `${JSON.stringify(lock, null, 2)}\n`);
    console.log(`pinned ${lock.libs.length} libraries at ${values.commit} in ${values.lock}`);
  }
  const index = await vendorModelLibs({ lock, outDir: values.out, mirror: values.mirror });
  const mb = index.libs.reduce((n, l) => n + l.bytes, 0) / 1e6;
  console.log(`vendored ${index.libs.length} model libraries (${mb.toFixed(1)} MB) into ${values.out}`);
  if (index.libs.length === 0)
    console.warn('no library is pinned yet: the store package will offer no web-llm model (see README)');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
