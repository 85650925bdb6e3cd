import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { endpoints, voucherCreateResponseSchema } from '../../shared/api/index.js';
import { callerOf } from '../auth/authenticate.js';
import type { EngineDb } from '../db/engine-db.js';
import { GroupCommit } from '../db/group-commit.js';
import { parseRequestPart } from '../errors/parse-request.js';
import { routePath } from '../http/route-path.js';
import { respondIdempotently } from '../idempotency/idempotent-reply.js';
import { readChart, readPeriodList, readVoucher, readVoucherList } from './ledger-reads.js';
import { closePeriod, reopenPeriod } from './period-close.js';
import { createVoucher } from './voucher-create.js';
import { reverseVoucher } from './voucher-reversal.js';

const voucherIdParamsSchema = endpoints.voucherGet.params;
/** Reads take no query unless they say so; stray parameters are refused, not ignored. */
const noQuerySchema = z.strictObject({});

/** voucher/create and the ledger extensions (the endpoint table in shared/api). */
export function registerLedgerRoutes(app: FastifyInstance, db: EngineDb): void {
  const write = { config: { write: true } };

  // Vouchers arriving together share one durable commit (server/db/group-commit.ts).
  const commits = new GroupCommit(db);
  app.post(endpoints.voucherCreate.path, write, (request, reply) =>
    commits.run(() =>
      respondIdempotently(db, request, reply, () =>
        voucherCreateResponseSchema.parse(createVoucher(db, callerOf(request), request.body)),
      ),
    ),
  );

  app.get(routePath(endpoints.chart.path), (request) => {
    parseRequestPart(noQuerySchema, request.query);
    return readChart(db, callerOf(request), request.params);
  });

  app.get(endpoints.voucherList.path, (request) => readVoucherList(db, callerOf(request), request.query));

  app.get(routePath(endpoints.voucherGet.path), (request) => {
    parseRequestPart(noQuerySchema, request.query);
    const { voucher_id } = parseRequestPart(voucherIdParamsSchema, request.params);
    return readVoucher(db, callerOf(request), voucher_id);
  });

  app.post(routePath(endpoints.voucherReverse.path), write, (request, reply) =>
    respondIdempotently(db, request, reply, () => {
      const { voucher_id } = parseRequestPart(voucherIdParamsSchema, request.params);
      return reverseVoucher(db, callerOf(request), voucher_id, request.body);
    }),
  );

  app.get(endpoints.periodList.path, (request) => readPeriodList(db, callerOf(request), request.query));

  app.post(endpoints.periodClose.path, write, (request, reply) =>
    respondIdempotently(db, request, reply, () => closePeriod(db, callerOf(request), request.body)),
  );

  app.post(endpoints.periodReopen.path, write, (request, reply) =>
    respondIdempotently(db, request, reply, () => reopenPeriod(db, callerOf(request), request.body)),
  );
}
