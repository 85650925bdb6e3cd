/**
 * A real engine on 127.0.0.1:<random port> for the SDK test runners (Python, Java, PHP): prints one
 * JSON line with the base URL, the keys and the ids the shared scenario needs, then serves until
 * SIGTERM/SIGINT, or until the process named by ZXE_FIXTURE_PARENT (the test script) is gone. Keys: tenant A's (no practical limit), a second key of tenant A limited
 * to 1 request/s (burst 1, for the 429 test), tenant B's (a second tenant).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { accountSetId } from '../../server/testing/ledger-fixtures.js';
import { createTestEngine, listenOnRandomPort } from '../../server/testing/test-engine.js';
import { issueKey } from '../../server/tenancy/tenant-keys.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const engine = createTestEngine();
const baseUrl = await listenOnRandomPort(engine.app);
const limited = issueKey(engine.db, {
  tenantId: engine.tenantA.id,
  mode: 'test',
  rateLimit: { perSecond: 1, burst: 1 },
});

const fixture = {
  base_url: baseUrl,
  api_key: engine.tenantA.apiKey,
  limited_key: limited.key,
  other_tenant_key: engine.tenantB.apiKey,
  account_id: accountSetId(engine, engine.tenantA),
  other_tenant_account_id: accountSetId(engine, engine.tenantB),
  invoice_path: path.join(root, 'resources/demo-invoices/digital-vat-office-supplies.pdf'),
};
process.stdout.write(`${JSON.stringify(fixture)}\n`);

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await engine.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
const parent = Number(process.env.ZXE_FIXTURE_PARENT ?? '0');
if (parent > 0) {
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      void shutdown();
    }
  }, 1000).unref();
}
// Keeps the process alive until a signal (the server alone would too; this survives a future unref).
setInterval(() => undefined, 60_000);
