import { chmod, mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { optimisedModel, privateDirectory, REWRITE_VERSION } from './optimised-models.js';
import { loadPaddleModels, modelAssetsDir } from './paddle-models.js';

const SOURCE = path.join(modelAssetsDir(), 'ch_ppocr_mobile_v2.0_cls_infer.onnx');
let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'zxe-model-cache-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('optimisedModel', () => {
  it('writes the rewritten model once into a private folder and reuses it', async () => {
    const dir = path.join(root, 'cache');
    const first = await optimisedModel(SOURCE, dir);
    expect(typeof first).toBe('string');
    const file = first as string;
    expect(path.basename(file)).toMatch(
      new RegExp(`^ch_ppocr_mobile_v2\\.0_cls_infer\\.[0-9a-f]{24}\\.r${String(REWRITE_VERSION)}\\.onnx$`),
    );
    const info = await stat(file);
    expect(info.mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect(info.size).toBeGreaterThan(100_000);

    // A second start opens the same file without writing it again.
    await writeFile(file, 'marker');
    expect(await optimisedModel(SOURCE, dir)).toBe(file);
    expect((await stat(file)).size).toBe('marker'.length);
    expect(await readdir(dir)).toHaveLength(1);
  });

  it('tightens a folder of its own that others could write into', async () => {
    if (typeof process.getuid !== 'function') return;
    const dir = path.join(root, 'loose');
    await privateDirectory(dir);
    await chmod(dir, 0o777);
    expect(await privateDirectory(dir)).toBe(true);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('does not follow a symbolic link planted where the folder would be', async () => {
    const elsewhere = path.join(root, 'elsewhere');
    await mkdir(elsewhere, { mode: 0o755 });
    const planted = path.join(root, 'planted');
    await symlink(elsewhere, planted);
    expect(await optimisedModel(SOURCE, planted)).toBeInstanceOf(Uint8Array);
    expect(await readdir(elsewhere)).toEqual([]);
    expect((await stat(elsewhere)).mode & 0o777).toBe(0o755);
  });

  it('rewrites in memory when there is no folder to use', async () => {
    const notAFolder = path.join(root, 'file');
    await writeFile(notAFolder, 'x');
    for (const dir of [null, notAFolder, path.join(notAFolder, 'below')]) {
      const model = await optimisedModel(SOURCE, dir);
      expect(model).toBeInstanceOf(Uint8Array);
      expect((model as Uint8Array).length).toBeGreaterThan(100_000);
    }
  });
});

describe('loadPaddleModels with a damaged cache', () => {
  it('drops a cached model that no longer opens and still loads', { timeout: 60_000 }, async () => {
    const dir = path.join(root, 'cache');
    const cached = (await optimisedModel(SOURCE, dir)) as string;
    await writeFile(cached, 'not a model');
    const models = await loadPaddleModels({ threads: 1, cacheDir: dir });
    expect(models.classifier.inputNames).toHaveLength(1);
    await expect(stat(cached)).rejects.toThrow();
    await models.release();
  });
});
