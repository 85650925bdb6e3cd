import path from 'node:path';
import { PROCESSED_FOLDER_NAME } from '../../../../shared/folder-watch.js';

/** Suffixes of files still being downloaded or written by another program. */
const PARTIAL_SUFFIXES = [
  '.crdownload',
  '.part',
  '.partial',
  '.download',
  '.tmp',
  '.temp',
  '.swp',
  '.opdownload',
];

/**
 * Names the watcher never looks at: hidden files and folders (`.DS_Store`, `.git`), Office lock
 * files (`~$…`), editor backups (`…~`), partial downloads, and our own `已处理/` subfolder.
 */
export function isIgnoredName(name: string): boolean {
  if (name.startsWith('.') || name.startsWith('~$') || name.endsWith('~')) return true;
  if (name === PROCESSED_FOLDER_NAME || name === 'Thumbs.db' || name === 'desktop.ini') return true;
  const lower = name.toLowerCase();
  return PARTIAL_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/** Whether a path under a watched folder is ignored: any ignored segment below the root counts. */
export function isIgnoredPath(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  if (relative === '') return false;
  if (relative.startsWith('..') || path.isAbsolute(relative)) return true;
  return relative.split(path.sep).some(isIgnoredName);
}
