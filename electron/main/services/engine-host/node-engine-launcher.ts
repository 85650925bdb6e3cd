import { fork } from 'node:child_process';
import type { AppLogger } from '../../logging/logger.js';
import { engineEnvironment, type EngineChild, type EngineLauncher } from './engine-launcher.js';

/**
 * Starts the engine as a Node child process: browser mode and tests. A `.ts` entry runs through tsx;
 * the built `.js` entry runs as is. The unpackaged desktop app uses it too, with the system `node`
 * as `execPath`: native modules there are built for Node, not for Electron's ABI.
 */
export function nodeEngineLauncher(
  entry: string,
  logger: AppLogger,
  options: { execPath?: string } = {},
): EngineLauncher {
  return (): EngineChild => {
    const child = fork(entry, [], {
      execPath: options.execPath,
      execArgv: entry.endsWith('.ts') ? ['--import', 'tsx'] : [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...engineEnvironment(), NODE_OPTIONS: '' },
    });
    child.stdout?.on('data', (chunk: Buffer) => logger.info({ engine: chunk.toString().trim() }, 'engine'));
    child.stderr?.on('data', (chunk: Buffer) => logger.warn({ engine: chunk.toString().trim() }, 'engine'));
    return {
      pid: child.pid,
      postMessage: (message) => child.send(message as object),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', (code) => listener(code)),
      kill: () => child.kill(),
    };
  };
}
