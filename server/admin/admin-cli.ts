import { openEngineDataDir } from '../engine-runtime.js';
import { ADMIN_USAGE, parseAdminArgs } from './admin-args.js';
import { AdminUsageError, runAdminCommand } from './admin-commands.js';
import { errorMessage } from '../../shared/error-message.js';

/** Exit codes of `admin`: 2 for anything the operator typed wrong, 1 for failures while running. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface AdminOutput {
  out(line: string): void;
  err(line: string): void;
}

/** `npm run engine -- admin …`: opens `<data>/engine.db` (migrating it), runs one command, closes. */
export function runAdminCli(argv: readonly string[], output: AdminOutput): number {
  const invocation = parseAdminArgs(argv);
  if (invocation.kind === 'help') {
    output.out(ADMIN_USAGE);
    return EXIT_OK;
  }
  if (invocation.kind === 'error') {
    output.err(`${invocation.message}\n\n${ADMIN_USAGE}`);
    return EXIT_USAGE;
  }
  let db;
  try {
    db = openEngineDataDir(invocation.dataDir);
  } catch (error) {
    output.err(`无法打开数据目录 ${invocation.dataDir}：${errorMessage(error)}`);
    return EXIT_FAILED;
  }
  try {
    for (const line of runAdminCommand(db, invocation.command)) output.out(line);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof AdminUsageError) {
      output.err(error.message);
      return EXIT_USAGE;
    }
    output.err(`执行失败：${errorMessage(error)}`);
    return EXIT_FAILED;
  } finally {
    db.close();
  }
}
