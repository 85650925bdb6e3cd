/**
 * The folder watcher in a process of its own, so a test can SIGKILL it mid-batch like a crash of
 * the app: argv[2] is a JSON config; progress goes to the parent over the IPC channel.
 */
import { z } from 'zod';
import { startWatchHarness } from './watch-harness.js';

const config = z
  .object({
    userDataDir: z.string(),
    baseUrl: z.string(),
    apiKey: z.string(),
    addFolder: z.string().optional(),
    accountSetId: z.string().default('acc_demo1'),
  })
  .parse(JSON.parse(process.argv[2] ?? '{}'));

const send = (message: object): void => {
  process.send?.(message);
};

const h = await startWatchHarness({
  baseUrl: config.baseUrl,
  apiKey: config.apiKey,
  userDataDir: config.userDataDir,
  service: { onProgress: (progress) => send({ type: 'progress', progress }) },
});
if (config.addFolder) {
  await h.service.addFolder({
    path: config.addFolder,
    accountSetId: config.accountSetId,
    recursive: false,
    afterUpload: 'leave',
  });
}
send({ type: 'ready', snapshot: h.service.snapshot(0) });

process.on('message', (message) => {
  if (z.object({ type: z.literal('snapshot') }).safeParse(message).success) {
    send({ type: 'snapshot', snapshot: h.service.snapshot(1000) });
  }
  if (z.object({ type: z.literal('stop') }).safeParse(message).success) {
    void h.close().then(() => process.exit(0));
  }
});
