import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { accountsListResponseSchema, endpoints, type AccountsListResponse } from '../../shared/api/index.js';
import { callerOf } from '../auth/authenticate.js';
import type { EngineDb } from '../db/engine-db.js';
import { parseRequestPart } from '../errors/parse-request.js';
import { listAccountSets } from '../tenancy/account-sets.js';

/** The endpoint takes no parameters; stray ones are refused rather than silently ignored. */
const accountsListQuerySchema = z.strictObject({});

export function registerAccountsRoutes(app: FastifyInstance, db: EngineDb): void {
  app.get(endpoints.accountsList.path, (request): AccountsListResponse => {
    parseRequestPart(accountsListQuerySchema, request.query);
    const { tenantId } = callerOf(request);
    const accounts = listAccountSets(db, tenantId).map((set) => ({
      id: set.id,
      name: set.name,
      status: set.status,
      created_at: set.createdAt,
    }));
    // Parsed on the way out too, so the engine cannot drift from the contract the client checks.
    return accountsListResponseSchema.parse({ accounts });
  });
}
