import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
  parsePolicy,
} from './content-security-policy.js';

const indexHtml = readFileSync(path.resolve(import.meta.dirname, '../../../renderer/index.html'), 'utf8');

function metaPolicy(html: string): string | undefined {
  const tag = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  return tag?.[1];
}

describe('content security policy', () => {
  test('renderer/index.html carries the header policy minus frame-ancestors', () => {
    const meta = metaPolicy(indexHtml);
    expect(meta).toBeDefined();
    expect(parsePolicy(meta ?? '')).toEqual(parsePolicy(CONTENT_SECURITY_POLICY_META));
    const header = parsePolicy(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(parsePolicy(meta ?? '')).toEqual(header);
  });

  test('is strict: scripts only from the app, no eval, no plugins, no framing, no foreign connections', () => {
    const policy = parsePolicy(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|https?:/);
    // The one concession: antd's CSS-in-JS injects style elements.
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });
});
