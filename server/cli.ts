import { runAdminCli } from './admin/admin-cli.js';
import { CLI_USAGE, parseCliArgs } from './cli-args.js';
import { listenEngine, openEngineDataDir, stopOnSignals } from './engine-runtime.js';
import { seedDemo } from './tenancy/demo.js';
import { errorMessage } from '../shared/error-message.js';

/** Exit code for a bad command line, as usual for CLI tools (1 stays for "failed while running"). */
const EXIT_USAGE = 2;

async function main(argv: readonly string[]): Promise<void> {
  // engine.db and its -wal/-shm are the user's alone (0600 in 0700 folders).
  process.umask(0o077);
  if (argv[0] === 'admin') {
    process.exitCode = runAdminCli(argv.slice(1), {
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    });
    return;
  }
  const command = parseCliArgs(argv);
  if (command.kind === 'help') {
    console.log(CLI_USAGE);
    return;
  }
  if (command.kind === 'error') {
    console.error(`${command.message}\n\n${CLI_USAGE}`);
    process.exit(EXIT_USAGE);
  }
  const { args } = command;

  const db = openEngineDataDir(args.dataDir);
  if (args.demo) {
    let apiKey: string;
    try {
      apiKey = seedDemo(db, { demoKey: args.demoKey }).apiKey;
    } catch (error) {
      db.close();
      throw error;
    }
    // A developer tool asked to print a key: this is the one place a key is written out.
    console.log(`API key: ${apiKey}`);
  }
  const engine = await listenEngine(db, { host: args.host, port: args.port, logger: { level: 'warn' } });
  console.log(`账小二引擎已启动：${engine.url}`);
  stopOnSignals(engine, () => console.log('账小二引擎已停止'));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`账小二引擎启动失败：${errorMessage(error)}`);
  process.exit(1);
});
