import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { PROCESSED_FOLDER_NAME } from '../../../../shared/folder-watch.js';

async function exists(candidate: string): Promise<boolean> {
  try {
    await stat(candidate);
    return true;
  } catch {
    return false;
  }
}

/**
 * Moves an uploaded file into `已处理/` beside it — a rename within the same folder, never a copy
 * and delete — choosing `名称 (2).pdf` when the name is taken. Answers the new path.
 */
export async function moveIntoProcessed(filePath: string): Promise<string> {
  const dir = path.join(path.dirname(filePath), PROCESSED_FOLDER_NAME);
  await mkdir(dir, { recursive: true });
  const ext = path.extname(filePath);
  const stem = path.basename(filePath, ext);
  for (let n = 1; n < 1000; n += 1) {
    const target = path.join(dir, n === 1 ? `${stem}${ext}` : `${stem} (${String(n)})${ext}`);
    if (await exists(target)) continue;
    await rename(filePath, target);
    return target;
  }
  throw new Error('no free name in the processed folder');
}
