import type { Caller } from '../auth/authenticate.js';
import type { EngineDb } from '../db/engine-db.js';
import { ApiHttpError } from '../errors/api-http-error.js';
import { findAccountSetOfTenant, type AccountSetRecord } from '../tenancy/account-sets.js';

/**
 * One rule for account sets that are not the caller's: 404, exactly as for ids that do not exist,
 * so that a key cannot learn which ids other tenants use.
 */
export function accountSetNotFound(accountSetId: string): ApiHttpError {
  return new ApiHttpError(404, `资源不存在：账套 ${accountSetId} 不存在`);
}

export function accountSetForRead(db: EngineDb, caller: Caller, accountSetId: string): AccountSetRecord {
  const set = findAccountSetOfTenant(db, caller.tenantId, accountSetId);
  if (!set) throw accountSetNotFound(accountSetId);
  return set;
}

/** A frozen account set can be read but not written: 403, a state of the set, not a bad request. */
export function accountSetForWrite(db: EngineDb, caller: Caller, accountSetId: string): AccountSetRecord {
  const set = accountSetForRead(db, caller, accountSetId);
  if (set.status === 'frozen') {
    throw new ApiHttpError(403, `权限不足：账套「${set.name}」已冻结，不能新增或修改凭证`);
  }
  return set;
}
