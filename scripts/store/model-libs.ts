/**
 * The pinned list of web-llm model libraries (WebAssembly) that ship inside the store package, and the index the
 * extension reads at run time to find them. The Chrome Web Store refuses remotely hosted code, and web-llm would
 * otherwise fetch each model's library from a GitHub branch when the model loads: so every library is vendored from
 * a pinned commit, checked against a pinned hash, and packaged.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const SHA256 = /^[0-9a-f]{64}$/;
/** A library's file name: no directory, no way out of the package folder. */
const FILE = /^[A-Za-z0-9._-]+\.wasm$/;

export const pinnedLibSchema = z.object({
  modelId: z.string().min(1),
  file: z.string().regex(FILE),
  sha256: z.string().regex(SHA256),
  bytes: z.number().int().positive(),
});
export type PinnedLib = z.infer<typeof pinnedLibSchema>;

export const lockSchema = z.object({
  source: z.object({
    /** GitHub repository the libraries are published in. */
    repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
    /** The pinned commit (40 hex digits), or null until a release machine with network pins one. */
    commit: z
      .string()
      .regex(/^[0-9a-f]{40}$/)
      .nullable(),
    /** Folder inside the repository, matching the web-llm version in package.json. */
    path: z.string().min(1),
  }),
  /** Models the store package offers once pinned (`vendor:model-libs -- --pin` fills `libs` from these). */
  wanted: z.array(z.object({ modelId: z.string().min(1), file: z.string().regex(FILE) })),
  /** Libraries pinned by hash: only these are vendored and packaged. */
  libs: z.array(pinnedLibSchema),
});
export type ModelLibLock = z.infer<typeof lockSchema>;

/** `model-libs/index.json` inside the package: which model's library is which packaged file. */
export const packagedIndexSchema = z.object({ libs: z.array(pinnedLibSchema) });
export type PackagedIndex = z.infer<typeof packagedIndexSchema>;

/** Folder of the vendored libraries inside the package (and under `public/` before the build). */
export const PACKAGED_LIBS_DIR = 'model-libs';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function readLock(path: string): ModelLibLock {
  return lockSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Where a pinned library is published: the pinned commit's raw file, or a mirror given on the command line. */
export function libSourceUrl(lock: ModelLibLock, file: string, mirror?: string): string {
  if (mirror) return `${mirror.replace(/\/+$/, '')}/${file}`;
  if (!lock.source.commit)
    throw new Error(
      'store/model-libs.lock.json pins no commit: run `npm run vendor:model-libs -- --pin --commit <sha>`',
    );
  return `https://raw.githubusercontent.com/${lock.source.repo}/${lock.source.commit}/${lock.source.path}/${file}`;
}
