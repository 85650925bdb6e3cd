import { utilityProcess } from 'electron';
import type { AppLogger } from '../../logging/logger.js';
import { engineEnvironment, type EngineChild, type EngineLauncher } from './engine-launcher.js';

/** Starts the engine in an Electron utility process (its own OS process, Node APIs, no window). */
export function utilityEngineLauncher(entry: string, logger: AppLogger): EngineLauncher {
  return (): EngineChild => {
    const child = utilityProcess.fork(entry, [], {
      serviceName: '账小二本地引擎',
      stdio: 'pipe',
      env: engineEnvironment(),
    });
    child.stdout?.on('data', (chunk: Buffer) => logger.info({ engine: chunk.toString().trim() }, 'engine'));
    child.stderr?.on('data', (chunk: Buffer) => logger.warn({ engine: chunk.toString().trim() }, 'engine'));
    return {
      pid: child.pid,
      postMessage: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', (code) => listener(code)),
      kill: () => void child.kill(),
    };
  };
}
