import type { FastifyInstance } from 'fastify';
import { endpoints } from '../../shared/api/endpoints.js';
import { detailLedgerQuerySchema } from '../../shared/api/detail-ledger.js';
import { reportParamsSchema, reportQuerySchema, reportResponseSchema } from '../../shared/api/report.js';
import { callerOf } from '../auth/authenticate.js';
import type { EngineDb } from '../db/engine-db.js';
import { parseRequestPart } from '../errors/parse-request.js';
import { routePath } from '../http/route-path.js';
import { accountSetForRead } from '../ledger/account-set-access.js';
import { buildStatement } from './statement-builder.js';
import { buildDetailLedger } from './detail-ledger.js';
import { buildTrialBalance } from './trial-balance.js';

/** GET /api/v2/report/{type} (documented) and the trial-balance and detail-ledger extensions. */
export function registerReportRoutes(app: FastifyInstance, db: EngineDb): void {
  app.get(routePath(endpoints.report.path), (request) => {
    const { type } = parseRequestPart(reportParamsSchema, request.params);
    const query = parseRequestPart(reportQuerySchema, request.query);
    const set = accountSetForRead(db, callerOf(request), query.account_id);
    const report_data = buildStatement(db, type, {
      accountSet: { id: set.id, name: set.name },
      start: query.start_date,
      end: query.end_date,
    });
    return reportResponseSchema.parse({
      report_data,
      period: { start_date: query.start_date, end_date: query.end_date },
    });
  });

  app.get(endpoints.trialBalance.path, (request) => {
    const query = parseRequestPart(reportQuerySchema, request.query);
    const set = accountSetForRead(db, callerOf(request), query.account_id);
    return endpoints.trialBalance.response.parse(
      buildTrialBalance(db, { id: set.id, name: set.name }, query.start_date, query.end_date),
    );
  });

  app.get(endpoints.detailLedger.path, (request) => {
    const query = parseRequestPart(detailLedgerQuerySchema, request.query);
    const set = accountSetForRead(db, callerOf(request), query.account_id);
    return endpoints.detailLedger.response.parse(
      buildDetailLedger(db, {
        accountSet: { id: set.id, name: set.name },
        accountCode: query.account_code,
        start: query.start_date,
        end: query.end_date,
        page: query.page,
        pageSize: query.page_size,
      }),
    );
  });
}
