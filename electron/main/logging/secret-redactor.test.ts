import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createLogger } from './logger.js';
import { SecretRedactor } from './secret-redactor.js';

describe('log redaction', () => {
  test('known secrets are removed by value, anything key-shaped is masked', () => {
    const redactor = new SecretRedactor();
    redactor.add('my-odd-secret-value');
    expect(redactor.scrub('x my-odd-secret-value y')).toBe('x [已隐藏] y');
    expect(redactor.scrub('Bearer sk_live_51H8xAbCdEf9j2K')).toBe('Bearer sk_live_[已隐藏]');
    expect(redactor.scrub('nothing here')).toBe('nothing here');
  });

  test('every line the logger writes passes through the redactor', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zxe-log-'));
    const redactor = new SecretRedactor();
    const secret = 'sk_test_LoggedByMistake123456';
    redactor.add(secret);
    const logger = createLogger({ redactor, logDir: dir });
    logger.info({ apiKey: secret, nested: { key: secret } }, `message with ${secret}`);
    logger.error({ err: new Error(`failed for ${secret}`) }, 'boom');
    logger.flush();
    const text = readFileSync(path.join(dir, 'main.log'), 'utf8');
    expect(text).toContain('message with');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('LoggedByMistake');
  });
});
