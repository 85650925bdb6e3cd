/**
 * The rewritten graphs (model-graph.ts) kept on disk, so each worker opens a file as onnxruntime
 * would the shipped one: rewriting in the worker costs ~0.5 s of CPU per start and leaves ~50 MB of
 * decoded protobuf in the worker's heap (RSS measured with the models loaded from bytes vs from a
 * path). The cache key is the source file's SHA-256 and the rewrite's version, so a new model or a
 * changed rewrite never reuses an old file. The directory must be private (created 0700, owned by
 * this user, not writable by others): a model file is code onnxruntime parses, and a file another
 * local user could plant is not opened, nor a folder reached through a symbolic link. When no private directory can be had, the rewrite is done
 * in memory instead.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, lstat, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { optimiseModel } from './model-graph.js';

/** Bump when model-graph.ts changes what it writes. */
export const REWRITE_VERSION = 1;

/** The default cache: a per-user folder in the temporary directory. */
export function defaultModelCacheDir(): string {
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : os.userInfo().username;
  return path.join(os.tmpdir(), `zxe-ocr-models-${user}`);
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Creates `dir` if needed and tells whether only this user can write into it. */
export async function privateDirectory(dir: string): Promise<boolean> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // lstat: a symbolic link planted in the temporary directory is refused, not followed.
    const info = await lstat(dir);
    if (!info.isDirectory()) return false;
    if (typeof process.getuid !== 'function') return true;
    if (info.uid !== process.getuid()) return false;
    if ((info.mode & 0o022) !== 0) await chmod(dir, 0o700);
    return ((await lstat(dir)).mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * What to hand `InferenceSession.create`: the path of the rewritten model in `cacheDir` (written
 * first if missing), or the rewritten bytes when the cache cannot be used (`cacheDir` null, not
 * private, or not writable).
 */
export async function optimisedModel(source: string, cacheDir: string | null): Promise<string | Uint8Array> {
  if (cacheDir !== null && (await privateDirectory(cacheDir))) {
    const digest = (await sha256File(source)).slice(0, 24);
    const target = path.join(
      cacheDir,
      `${path.basename(source, '.onnx')}.${digest}.r${String(REWRITE_VERSION)}.onnx`,
    );
    try {
      if ((await stat(target)).isFile()) return target;
    } catch {
      // Not written yet.
    }
    const bytes = optimiseModel(await readFile(source)).bytes;
    // Written beside and renamed: a worker starting at the same time never opens half a file.
    const partial = `${target}.${String(process.pid)}-${String(threadId)}.partial`;
    try {
      await writeFile(partial, bytes, { mode: 0o600 });
      await rename(partial, target);
      return target;
    } catch {
      await rm(partial, { force: true });
      return bytes;
    }
  }
  return optimiseModel(await readFile(source)).bytes;
}
