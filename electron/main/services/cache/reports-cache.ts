import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import { reportResponseSchema, type ReportResponse, type ReportType } from '../../../../shared/api/report.js';
import type { CacheDatabase } from './cache-db.js';
import { parseJsonColumn, type CachedCopy } from './json-column.js';

export interface ReportKey {
  accountSetId: string;
  type: ReportType;
  startDate: string;
  endDate: string;
}

const rowSchema = z.object({ payload: z.string(), fetched_at: z.iso.datetime() });

/** The last live copy of each report, keyed by (scope, account set, type, period). */
export class ReportsCache {
  readonly #db: CacheDatabase;
  readonly #select: Statement<[string, string, string, string, string]>;

  constructor(db: CacheDatabase) {
    this.#db = db;
    // Prepared once: opening a cached report is the hot path the benchmark measures.
    this.#select = db.prepare(
      `SELECT payload, fetched_at FROM reports
        WHERE scope = ? AND account_set_id = ? AND type = ? AND start_date = ? AND end_date = ?`,
    );
  }

  store(scope: string, key: ReportKey, report: ReportResponse, fetchedAt: string): void {
    this.#db
      .prepare(
        `INSERT INTO reports (scope, account_set_id, type, start_date, end_date, payload, fetched_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (scope, account_set_id, type, start_date, end_date)
         DO UPDATE SET payload = excluded.payload, fetched_at = excluded.fetched_at`,
      )
      .run(scope, key.accountSetId, key.type, key.startDate, key.endDate, JSON.stringify(report), fetchedAt);
  }

  load(scope: string, key: ReportKey): CachedCopy<ReportResponse> | undefined {
    const row = rowSchema.safeParse(
      this.#select.get(scope, key.accountSetId, key.type, key.startDate, key.endDate),
    );
    if (!row.success) return undefined;
    const data = parseJsonColumn(row.data.payload, reportResponseSchema);
    return data ? { data, fetchedAt: row.data.fetched_at } : undefined;
  }
}
