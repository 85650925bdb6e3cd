import { z } from 'zod';
import {
  draftLineSchema,
  voucherDraftSchema,
  type StoredDraft,
  type VoucherDraft,
  type VoucherTemplate,
  type DraftLine,
} from '../../../../shared/vouchers/voucher-drafts.js';
import type { CacheDatabase } from '../cache/cache-db.js';
import { parseJsonColumn } from '../cache/json-column.js';
import { UserFacingError } from '../user-facing-error.js';

const draftRowSchema = z.object({
  account_set_id: z.string(),
  draft_key: z.string(),
  payload: z.string(),
  saved_at: z.iso.datetime(),
});

const templateRowSchema = z.object({
  id: z.number().int().positive(),
  account_set_id: z.string(),
  name: z.string(),
  lines: z.string(),
  created_at: z.iso.datetime(),
});

const linesSchema = z.array(draftLineSchema).min(1).max(500);

/** Templates kept per account set; more than this is a sign of a runaway caller, not a bookkeeper. */
export const TEMPLATES_PER_ACCOUNT_SET_MAX = 200;

/**
 * The voucher editor's drafts and templates in cache.db. Every row read back is parsed with the
 * shared schemas; one that does not parse is skipped (a draft is a convenience, never a crash).
 */
export class VoucherDraftsStore {
  readonly #db: CacheDatabase;

  constructor(db: CacheDatabase) {
    this.#db = db;
  }

  saveDraft(scope: string, accountSetId: string, draftKey: string, draft: VoucherDraft): string {
    const savedAt = new Date().toISOString();
    this.#db
      .prepare(
        `INSERT INTO voucher_drafts (scope, account_set_id, draft_key, payload, saved_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (scope, account_set_id, draft_key) DO UPDATE SET
           payload = excluded.payload, saved_at = excluded.saved_at`,
      )
      .run(scope, accountSetId, draftKey, JSON.stringify(voucherDraftSchema.parse(draft)), savedAt);
    return savedAt;
  }

  /** Newest first. */
  listDrafts(scope: string, accountSetId: string): StoredDraft[] {
    const rows = this.#db
      .prepare(
        `SELECT account_set_id, draft_key, payload, saved_at FROM voucher_drafts
         WHERE scope = ? AND account_set_id = ? ORDER BY saved_at DESC`,
      )
      .all(scope, accountSetId);
    return rows.flatMap((raw) => {
      const row = draftRowSchema.safeParse(raw);
      if (!row.success) return [];
      const draft = parseJsonColumn(row.data.payload, voucherDraftSchema);
      return draft
        ? [
            {
              accountSetId: row.data.account_set_id,
              draftKey: row.data.draft_key,
              draft,
              savedAt: row.data.saved_at,
            },
          ]
        : [];
    });
  }

  deleteDraft(scope: string, accountSetId: string, draftKey: string): boolean {
    return (
      this.#db
        .prepare('DELETE FROM voucher_drafts WHERE scope = ? AND account_set_id = ? AND draft_key = ?')
        .run(scope, accountSetId, draftKey).changes > 0
    );
  }

  /** A template of the same name is replaced (存为模板 again updates it). */
  saveTemplate(
    scope: string,
    accountSetId: string,
    name: string,
    lines: readonly DraftLine[],
  ): VoucherTemplate {
    const createdAt = new Date().toISOString();
    const text = JSON.stringify(linesSchema.parse(lines));
    const saved = this.#db.transaction(() => {
      const count = z
        .number()
        .int()
        .parse(
          this.#db
            .prepare(
              'SELECT count(*) FROM voucher_templates WHERE scope = ? AND account_set_id = ? AND name <> ?',
            )
            .pluck()
            .get(scope, accountSetId, name),
        );
      if (count >= TEMPLATES_PER_ACCOUNT_SET_MAX) return undefined;
      return this.#db
        .prepare(
          `INSERT INTO voucher_templates (scope, account_set_id, name, lines, created_at)
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (scope, account_set_id, name) DO UPDATE SET
             lines = excluded.lines, created_at = excluded.created_at
           RETURNING id, account_set_id, name, lines, created_at`,
        )
        .get(scope, accountSetId, name, text, createdAt);
    })();
    if (saved === undefined) throw new TooManyTemplatesError();
    const template = this.#toTemplate(saved);
    if (!template) throw new Error('voucher template row did not read back');
    return template;
  }

  /** By name. */
  listTemplates(scope: string, accountSetId: string): VoucherTemplate[] {
    const rows = this.#db
      .prepare(
        `SELECT id, account_set_id, name, lines, created_at FROM voucher_templates
         WHERE scope = ? AND account_set_id = ? ORDER BY name`,
      )
      .all(scope, accountSetId);
    return rows.flatMap((raw) => {
      const template = this.#toTemplate(raw);
      return template ? [template] : [];
    });
  }

  deleteTemplate(scope: string, accountSetId: string, id: number): boolean {
    return (
      this.#db
        .prepare('DELETE FROM voucher_templates WHERE scope = ? AND account_set_id = ? AND id = ?')
        .run(scope, accountSetId, id).changes > 0
    );
  }

  #toTemplate(raw: unknown): VoucherTemplate | undefined {
    const row = templateRowSchema.safeParse(raw);
    if (!row.success) return undefined;
    const lines = parseJsonColumn(row.data.lines, linesSchema);
    return lines
      ? {
          id: row.data.id,
          accountSetId: row.data.account_set_id,
          name: row.data.name,
          lines,
          createdAt: row.data.created_at,
        }
      : undefined;
  }
}

export class TooManyTemplatesError extends UserFacingError {
  constructor() {
    super(400, `每个账套最多保存 ${String(TEMPLATES_PER_ACCOUNT_SET_MAX)} 个凭证模板，请先删除不用的模板`);
    this.name = 'TooManyTemplatesError';
  }
}
