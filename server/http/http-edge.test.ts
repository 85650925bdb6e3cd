import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { accountSetId, seedExampleBody, VOUCHER_CREATE } from '../testing/ledger-fixtures.js';
import { createTestEngine, listenOnRandomPort, type TestEngine } from '../testing/test-engine.js';

// Everything here goes over a real socket with hand-written HTTP/1.1, as a hostile client would
// send it: Fastify's inject() skips the very layers (URL decoding, Node's parser, timeouts) tested.
let engine: TestEngine;
let app: FastifyInstance;
let port: number;
let key: string;

beforeAll(async () => {
  engine = createTestEngine();
  // Short deadlines, so that a trickling client is cut off while the test watches.
  app = buildApp({
    db: engine.db,
    timeouts: { requestMs: 400, headersMs: 300, idleMs: 2_000, keepAliveMs: 300, checkIntervalMs: 50 },
  });
  port = Number(new URL(await listenOnRandomPort(app)).port);
  key = engine.tenantA.apiKey;
});
afterAll(async () => {
  await app.close();
  await engine.close();
});

interface RawAnswer {
  statusLine: string;
  body: string;
  /** The server closed the connection (rather than the test giving up). */
  closedByServer: boolean;
}

/**
 * Writes `head` (and then `trickle`, one piece at a time every 50 ms, for as long as the socket
 * stays open), and collects what comes back until the server closes the connection.
 */
function exchange(head: string | Buffer, trickle: readonly string[] = []): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      if (head.length > 0) socket.write(head);
      let next = 0;
      timer = setInterval(() => {
        const piece = trickle[next % Math.max(trickle.length, 1)];
        next += 1;
        if (piece !== undefined && socket.writable) socket.write(piece);
      }, 50);
    });
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      resolve({
        statusLine: text.split('\r\n', 1)[0] ?? '',
        body: split < 0 ? '' : text.slice(split + 4),
        closedByServer: true,
      });
    });
    socket.on('timeout', () => reject(new Error('the server left the connection open')));
    socket.setTimeout(20_000);
  });
}

function get(path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const lines = Object.entries({ Host: '127.0.0.1', Connection: 'close', ...headers }).map(
    ([name, value]) => `${name}: ${value}\r\n`,
  );
  return exchange(`GET ${path} HTTP/1.1\r\n${lines.join('')}\r\n`);
}

const withKey = (): Record<string, string> => ({ Authorization: `Bearer ${key}` });

function envelope(code: number, type: string): unknown {
  return { error: { code, type, message: expect.any(String) as unknown } };
}

describe('the engine’s HTTP edge, over a real socket', () => {
  it('answers bad URL encoding with the envelope, 401 first without a key, never repeating the URL', async () => {
    const anonymous = await get('/api/v2/voucher/%ZZsecret');
    expect(anonymous.statusLine).toBe('HTTP/1.1 401 Unauthorized');
    expect(JSON.parse(anonymous.body)).toEqual(envelope(401, 'authentication_error'));

    const keyed = await get('/api/v2/voucher/%ZZsecret', withKey());
    expect(keyed.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(keyed.body)).toEqual(envelope(400, 'invalid_request_error'));
    expect(keyed.body).not.toMatch(/%ZZ|secret|FST_|statusCode/);
  });

  it('answers an over-long path parameter the same way: 401 without a key, then a 400 envelope', async () => {
    const long = `/api/v2/voucher/vch_${'x'.repeat(300)}`;
    const anonymous = await get(long);
    expect(anonymous.statusLine).toBe('HTTP/1.1 401 Unauthorized');
    expect(JSON.parse(anonymous.body)).toEqual(envelope(401, 'authentication_error'));
    // Same answer as a path that takes no parameter: probing tells nothing about routes.
    expect((await get(`/api/v2/nothing/${'x'.repeat(300)}`)).body).toBe(anonymous.body);

    const keyed = await get(long, withKey());
    expect(JSON.parse(keyed.body)).toEqual({
      error: { code: 400, message: '参数错误：路径参数过长', type: 'invalid_request_error' },
    });
    expect(keyed.body).not.toContain('xxxx');
  });

  it('answers headers over the size limit with 431 and the envelope', async () => {
    const answer = await get('/api/v2/accounts/list', { ...withKey(), 'X-Padding': 'p'.repeat(20_000) });
    expect(answer.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: 400, message: '参数错误：请求头过大', type: 'invalid_request_error' },
    });
  });

  it('answers bytes that are not HTTP and a body that is not JSON with the envelope', async () => {
    const garbage = await exchange('HELLO THERE\r\n\r\n');
    expect(garbage.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(garbage.body)).toEqual(envelope(400, 'invalid_request_error'));

    const body = '{"account_id": ';
    const parser = await exchange(
      `POST ${VOUCHER_CREATE} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer ${key}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${String(body.length)}\r\n\r\n${body}`,
    );
    expect(parser.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(parser.body)).toEqual({
      error: { code: 400, message: '参数错误：请求体不是有效的 JSON', type: 'invalid_request_error' },
    });
  });

  it('cuts off a body that trickles in, with or without a key, on an API path or not (408)', async () => {
    for (const [path, auth] of [
      ['/not-api', ''],
      [VOUCHER_CREATE, `Authorization: Bearer ${key}\r\n`],
    ] as const) {
      const answer = await exchange(
        `POST ${path} HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`,
        [' '],
      );
      expect(answer.closedByServer, path).toBe(true);
      expect(answer.statusLine, path).toBe('HTTP/1.1 408 Request Timeout');
      expect(JSON.parse(answer.body)).toEqual(envelope(400, 'invalid_request_error'));
    }
  });

  it('cuts off headers that never finish, a silent connection, and an idle kept-alive one', async () => {
    const slowHeaders = await exchange('GET /api/v2/accounts/list HTTP/1.1\r\nHost: x\r\n', [
      'X-Slow: 1\r\n',
    ]);
    expect(slowHeaders.closedByServer).toBe(true);
    expect(slowHeaders.statusLine).toBe('HTTP/1.1 408 Request Timeout');

    const silent = await exchange('');
    expect(silent.closedByServer).toBe(true);

    const kept = await exchange(
      `GET /api/v2/accounts/list HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\n\r\n`,
    );
    expect(kept.statusLine).toBe('HTTP/1.1 200 OK');
    expect(kept.closedByServer).toBe(true);
  });
});

describe('text that is not well-formed Unicode', () => {
  function postVoucher(body: string | Buffer): Promise<RawAnswer> {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const head =
      `POST ${VOUCHER_CREATE} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer ${key}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${String(bytes.length)}\r\n\r\n`;
    return exchange(Buffer.concat([Buffer.from(head), bytes]));
  }

  function voucherCount(): number {
    return engine.db.prepare('SELECT count(*) FROM vouchers').pluck().get() as number;
  }

  it('refuses a lone surrogate in any string with 400 naming the field, and stores nothing', async () => {
    const setId = accountSetId(engine, engine.tenantA);
    const before = voucherCount();
    const text = JSON.stringify(seedExampleBody(setId)).replace('采购办公用品', '采购\\ud800办公用品');
    const answer = await postVoucher(text);
    expect(answer.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(answer.body)).toEqual({
      error: {
        code: 400,
        message: '参数错误：entries[0].abstract 含有无效的 Unicode 字符（不成对的代理项），请检查文本',
        type: 'invalid_request_error',
      },
    });
    expect(voucherCount()).toBe(before);
  });

  it('refuses bytes that are not UTF-8, and accepts a proper surrogate pair (emoji)', async () => {
    const setId = accountSetId(engine, engine.tenantA);
    const before = voucherCount();
    const [left, right] = JSON.stringify(seedExampleBody(setId)).split('采购办公用品');
    const invalid = Buffer.concat([
      Buffer.from(left ?? ''),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(right ?? ''),
    ]);
    const refused = await postVoucher(invalid);
    expect(JSON.parse(refused.body)).toEqual({
      error: { code: 400, message: '参数错误：请求体不是有效的 UTF-8 文本', type: 'invalid_request_error' },
    });
    expect(voucherCount()).toBe(before);

    const emoji = JSON.stringify(seedExampleBody(setId)).replace(
      '采购办公用品',
      '采购\\ud83d\\ude00办公用品',
    );
    const accepted = await postVoucher(emoji);
    expect(accepted.statusLine).toBe('HTTP/1.1 200 OK');
    expect(voucherCount()).toBe(before + 1);
    const stored = engine.db
      .prepare("SELECT abstract FROM voucher_lines WHERE abstract LIKE '采购%办公用品' LIMIT 1")
      .pluck()
      .get();
    expect(stored).toBe('采购😀办公用品');
  });
});

describe('report ranges at the end of the calendar', () => {
  it('serves a one-month report in year 9999 instead of calling it longer than ten years', async () => {
    const setId = accountSetId(engine, engine.tenantA);
    const answer = await get(
      `/api/v2/report/profit?account_id=${setId}&start_date=9999-12-01&end_date=9999-12-31`,
      withKey(),
    );
    expect(answer.body).not.toContain('不能超过');
    expect(answer.statusLine).toBe('HTTP/1.1 200 OK');
    const ten = await get(
      `/api/v2/report/profit?account_id=${setId}&start_date=2000-01-01&end_date=2010-01-01`,
      withKey(),
    );
    expect(JSON.parse(ten.body)).toMatchObject({
      error: { code: 400, message: expect.stringContaining('不能超过10年') as unknown },
    });
  });
});
