import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { voucherCreateRequestSchema } from '../../shared/api/index.js';
import {
  accountSetId,
  ledgerSnapshot,
  postJson,
  seedExampleBody,
  VOUCHER_CREATE,
} from '../testing/ledger-fixtures.js';
import { createTestEngine, type TestEngine } from '../testing/test-engine.js';

const RUNS = 1_200;

let engine: TestEngine;
let setA: string;
beforeAll(() => {
  engine = createTestEngine();
  setA = accountSetId(engine, engine.tenantA);
});
afterAll(async () => {
  await engine.close();
});

const sqlish = fc.constantFrom(
  "'; DROP TABLE vouchers; --",
  '1 OR 1=1',
  "acc_1' UNION SELECT key_hash FROM api_keys --",
  '" OR ""="',
  '560203; DELETE FROM accounts',
  "2024-03-15' OR '1'='1",
  'NULL',
  '\u0000',
  '${jndi:ldap://x}',
);

const hugeNumber = fc.constantFrom(
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER,
  1e21,
  1e15,
  -0.01,
  0.005,
  123.456,
  1e-7,
);

/** A value of any type, size or script, for a field that expects something else. */
const junk = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: false }),
  hugeNumber,
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  sqlish,
  fc.constant(null),
);

type Body = Record<string, unknown>;
const TOP_FIELDS = ['account_id', 'date', 'entries', 'attachments'] as const;
const ENTRY_FIELDS = ['abstract', 'account_code', 'debit', 'credit'] as const;

function base(): Body {
  return { ...structuredClone(seedExampleBody(setA)) };
}

function entriesOf(body: Body): Body[] {
  return body.entries as Body[];
}

function without(object: Body, key: string): Body {
  return Object.fromEntries(Object.entries(object).filter(([name]) => name !== key));
}

const mutatedBody = fc.oneof(
  // A field replaced by junk.
  fc.tuple(fc.constantFrom(...TOP_FIELDS), junk).map(([field, value]) => ({ ...base(), [field]: value })),
  fc
    .tuple(fc.integer({ min: 0, max: 1 }), fc.constantFrom(...ENTRY_FIELDS), junk)
    .map(([i, field, value]) => {
      const body = base();
      const target = entriesOf(body)[i];
      if (target) target[field] = value;
      return body;
    }),
  // A required field missing.
  fc.constantFrom('account_id', 'date', 'entries').map((field) => without(base(), field)),
  fc.tuple(fc.integer({ min: 0, max: 1 }), fc.constantFrom(...ENTRY_FIELDS)).map(([i, field]) => {
    const body = base();
    body.entries = entriesOf(body).map((line, index) => (index === i ? without(line, field) : line));
    return body;
  }),
  // Fields nobody asked for, at the top or inside a line.
  fc
    .tuple(fc.string({ minLength: 1, maxLength: 12 }), junk)
    .map(([key, value]) => ({ ...base(), [`x_${key}`]: value })),
  fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), junk).map(([key, value]) => {
    const body = base();
    const first = entriesOf(body)[0];
    if (first) first[`x_${key}`] = value;
    return body;
  }),
  // Entries that are not lines at all.
  fc.array(junk, { maxLength: 5 }).map((entries) => ({ ...base(), entries })),
  // A body that is anything but the object expected.
  fc.anything({ maxDepth: 4 }).map((value) => ({ value })),
);

function nested(depth: number, open: string, close: string, inner = '1'): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

/** Texts no JSON serialiser would write: deep nesting, numbers beyond double, broken syntax. */
const rawText = fc.oneof(
  fc.integer({ min: 1, max: 200_000 }).map((depth) => nested(depth, '[', ']')),
  fc.integer({ min: 1, max: 100_000 }).map((depth) => nested(depth, '{"a":', '}')),
  fc
    .integer({ min: 1, max: 50_000 })
    .map(
      (depth) => `{"account_id":"${setA}","date":"2024-03-15","entries":${nested(depth, '[', ']', '{}')}}`,
    ),
  fc
    .constantFrom(
      '1e309',
      '-1e309',
      '1' + '0'.repeat(400),
      '0.' + '0'.repeat(400) + '1',
      'NaN',
      'Infinity',
      '0x1F',
    )
    .map(
      (n) =>
        `{"account_id":"${setA}","date":"2024-03-15","entries":[{"abstract":"a","account_code":"560203","debit":${n},"credit":0},{"abstract":"b","account_code":"1002","debit":0,"credit":${n}}]}`,
    ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '',
    '{',
    '{"account_id":',
    '[',
    'null',
    'true',
    '"x"',
    '{"__proto__":{"x":1}}',
    '{"constructor":{"prototype":{}}}',
  ),
);

/** Whether the body, as the engine would read it, is a well-formed voucher (then it is no fuzz). */
function wellFormed(body: unknown): boolean {
  const text = JSON.stringify(body) as string | undefined;
  if (text === undefined) return false;
  return voucherCreateRequestSchema.safeParse(JSON.parse(text)).success;
}

describe('voucher/create under fuzzing', () => {
  it(`answers ${String(RUNS)} malformed bodies with 4xx envelopes, never 5xx, and writes nothing`, async () => {
    const before = ledgerSnapshot(engine.db);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mutatedBody.map((b) => ({ json: b })),
          rawText.map((t) => ({ text: t })),
        ),
        async (input) => {
          if ('json' in input) fc.pre(!wellFormed(input.json));
          const payload =
            'json' in input ? ((JSON.stringify(input.json) as string | undefined) ?? '') : input.text;
          const response = await postJson(engine, VOUCHER_CREATE, payload, { apiKey: engine.tenantA.apiKey });
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          expect(
            [400, 404],
            `${String(response.statusCode)} ${response.body} for ${payload.slice(0, 300)}`,
          ).toContain(response.statusCode);
          const body = response.json<{ error: { code: number; message: string; type: string } }>();
          expect(body.error.code).toBe(response.statusCode);
          expect(body.error.message).toMatch(/^(参数错误|资源不存在)：/);
        },
      ),
      { numRuns: RUNS },
    );
    expect(ledgerSnapshot(engine.db)).toEqual(before);
    expect([...statuses.keys()].filter((code) => code >= 500)).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1_000);
  });
});
