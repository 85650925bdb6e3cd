import type { z } from 'zod';
import {
  detailLedgerResponseSchema,
  type DetailLedgerResponse,
} from '../../../../shared/api/detail-ledger.js';
import {
  trialBalanceResponseSchema,
  type TrialBalanceResponse,
} from '../../../../shared/api/trial-balance.js';
import type { AppLogger } from '../../logging/logger.js';
import type { ApiProxy } from '../api-proxy/api-proxy.js';
import type { AppCache } from '../cache/app-cache.js';
import { LedgerBooksCache, type LedgerBookKey } from '../cache/ledger-books-cache.js';
import { readThrough, type Fetched } from './read-through.js';

export interface LedgerBookReadsDeps {
  proxy: ApiProxy;
  cache: AppCache | undefined;
  scope: () => string;
  /** The connection generation: an answer is stored only under the one its read started in. */
  generation?: () => number;
  logger: AppLogger;
}

export interface TrialBalanceKey {
  accountSetId: string;
  startDate: string;
  endDate: string;
}

export interface DetailLedgerKey extends TrialBalanceKey {
  accountCode: string;
  page: number;
  pageSize: number;
}

/** 科目余额表 and 明细账: live through the proxy, stored, served from the cache when offline. */
export class LedgerBookReads {
  readonly #deps: LedgerBookReadsDeps;
  readonly #books: LedgerBooksCache | undefined;

  constructor(deps: LedgerBookReadsDeps) {
    this.#deps = deps;
    this.#books = deps.cache && new LedgerBooksCache(deps.cache.db);
  }

  trialBalance(key: TrialBalanceKey, signal?: AbortSignal): Promise<Fetched<TrialBalanceResponse>> {
    const query = { account_id: key.accountSetId, start_date: key.startDate, end_date: key.endDate };
    const book = {
      accountSetId: key.accountSetId,
      book: 'trial-balance',
      startDate: key.startDate,
      endDate: key.endDate,
    };
    return this.#read('trialBalance', book, trialBalanceResponseSchema, () =>
      this.#deps.proxy.call((client, o) => client.getTrialBalance(query, o), {
        name: 'getTrialBalance',
        signal,
      }),
    );
  }

  detailLedger(key: DetailLedgerKey, signal?: AbortSignal): Promise<Fetched<DetailLedgerResponse>> {
    const query = {
      account_id: key.accountSetId,
      account_code: key.accountCode,
      start_date: key.startDate,
      end_date: key.endDate,
      page: key.page,
      page_size: key.pageSize,
    };
    const book = {
      accountSetId: key.accountSetId,
      book: `detail-ledger:${key.accountCode}:${String(key.page)}:${String(key.pageSize)}`,
      startDate: key.startDate,
      endDate: key.endDate,
    };
    return this.#read('detailLedger', book, detailLedgerResponseSchema, () =>
      this.#deps.proxy.call((client, o) => client.getDetailLedger(query, o), {
        name: 'getDetailLedger',
        signal,
      }),
    );
  }

  #read<S extends z.ZodType>(
    name: string,
    key: LedgerBookKey,
    schema: S,
    fetchLive: () => Promise<z.output<S>>,
  ): Promise<Fetched<z.output<S>>> {
    const scope = this.#deps.scope();
    const generation = this.#deps.generation?.();
    const books = this.#books;
    return readThrough({
      name,
      logger: this.#deps.logger,
      stillCurrent: () => this.#deps.scope() === scope && this.#deps.generation?.() === generation,
      fetchLive,
      store: books && ((data, at) => books.store(scope, key, data, at)),
      load: books && (() => books.load(scope, key, schema)),
    });
  }
}
