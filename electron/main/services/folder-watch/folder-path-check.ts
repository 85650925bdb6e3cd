import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserFacingError } from '../user-facing-error.js';

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Checks a folder the user wants watched (typed in browser mode, or from the native dialog) and
 * answers its real absolute path: it must exist, be a readable folder, not be a filesystem root,
 * not be hidden (a `.…` folder or inside one), not hold or lie inside the app's own data folder, and not overlap a folder already watched.
 * Every refusal is a 400 with a Chinese reason; nothing is stored.
 */
export async function checkFolderToWatch(
  input: string,
  options: { appDataDir: string; watched: readonly { path: string }[] },
): Promise<string> {
  if (!path.isAbsolute(input)) throw new UserFacingError(400, '请输入文件夹的完整路径（绝对路径）');
  let resolved: string;
  try {
    resolved = await realpath(input);
  } catch {
    throw new UserFacingError(400, '文件夹不存在');
  }
  let info;
  try {
    info = await stat(resolved);
  } catch {
    throw new UserFacingError(400, '文件夹不存在');
  }
  if (!info.isDirectory()) throw new UserFacingError(400, '该路径不是文件夹');
  try {
    await access(resolved, constants.R_OK | constants.X_OK);
  } catch {
    throw new UserFacingError(400, '没有读取该文件夹的权限');
  }
  if (path.parse(resolved).root === resolved) throw new UserFacingError(400, '不能监控整个磁盘的根目录');

  let appData = path.resolve(options.appDataDir);
  try {
    appData = await realpath(appData);
  } catch {
    // Not created yet: compare with the path as given.
  }
  if (isInside(appData, resolved)) throw new UserFacingError(400, '不能监控应用自己的数据文件夹');
  if (isInside(resolved, appData)) {
    throw new UserFacingError(400, '该文件夹包含应用自己的数据文件夹，不能监控；请选择存放票据的子文件夹');
  }
  // Hidden folders (.ssh, .config, …) hold settings and keys, never a scanner's output.
  if (resolved.split(path.sep).some((segment) => segment.startsWith('.'))) {
    throw new UserFacingError(400, '不能监控隐藏文件夹（名称以 . 开头）');
  }
  for (const folder of options.watched) {
    if (isInside(folder.path, resolved) || isInside(resolved, folder.path)) {
      throw new UserFacingError(400, `该文件夹与已监控的文件夹重叠：${folder.path}`);
    }
  }
  return resolved;
}
