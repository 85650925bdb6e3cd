import { z } from 'zod';
import type { ApiKeyRecord } from '../auth/api-key-lookup.js';
import type { EngineDb } from '../db/engine-db.js';
import { effectiveRateLimit, type KeyRateLimit } from '../ratelimit/rate-limits.js';
import {
  createAccountSet,
  findAccountSet,
  listAccountSets,
  setAccountSetStatus,
} from '../tenancy/account-sets.js';
import { findKeyById, issueKey, listKeys, revokeKey, setKeyRateLimit } from '../tenancy/tenant-keys.js';
import { createTenant, findTenant, tenantRecordSchema, type TenantRecord } from '../tenancy/tenants.js';
import type { AdminCommand } from './admin-args.js';

/** A reference to something that does not exist: the operator's mistake, so exit code 2. */
export class AdminUsageError extends Error {
  constructor(message: string) {
    super(`参数错误：${message}`);
    this.name = 'AdminUsageError';
  }
}

function describeLimit(limit: KeyRateLimit): string {
  return `每秒 ${String(limit.perSecond)} 次，突发 ${String(limit.burst)} 次`;
}

function describeKey(record: ApiKeyRecord): string {
  const scope = record.scope === 'read_only' ? '只读' : '读写';
  const state = record.revokedAt === null ? '有效' : `已吊销（${record.revokedAt}）`;
  const custom = record.ratePerSecond === null ? '（默认）' : '';
  return `${record.id}  ${record.prefix}…${record.last4}  ${scope}  ${describeLimit(effectiveRateLimit(record))}${custom}  ${state}`;
}

/** A rate without a burst gets two seconds' worth, as the default limit does. */
function rateLimitOf(rate: number | undefined, burst: number | undefined): KeyRateLimit | undefined {
  return rate === undefined ? undefined : { perSecond: rate, burst: burst ?? rate * 2 };
}

function requireTenant(db: EngineDb, tenantId: string): TenantRecord {
  const tenant = findTenant(db, tenantId);
  if (!tenant) throw new AdminUsageError(`租户 ${tenantId} 不存在`);
  return tenant;
}

function requireKey(db: EngineDb, keyId: string): ApiKeyRecord {
  const record = findKeyById(db, keyId);
  if (!record) throw new AdminUsageError(`Key ${keyId} 不存在`);
  return record;
}

function listAll(db: EngineDb): string[] {
  const tenants = z
    .array(tenantRecordSchema)
    .parse(db.prepare('SELECT * FROM tenants ORDER BY created_at, rowid').all());
  if (tenants.length === 0) return ['还没有租户。用 admin tenant create --name <名称> 新建。'];
  const lines: string[] = [];
  for (const tenant of tenants) {
    lines.push(`租户 ${tenant.id}「${tenant.name}」 创建于 ${tenant.createdAt}`);
    const keys = listKeys(db, tenant.id);
    if (keys.length === 0) lines.push('  （无 API Key）');
    for (const key of keys) lines.push(`  Key ${describeKey(key)}`);
    const sets = listAccountSets(db, tenant.id);
    if (sets.length === 0) lines.push('  （无账套）');
    for (const set of sets) {
      lines.push(`  账套 ${set.id}「${set.name}」 ${set.status === 'active' ? '启用' : '冻结'}`);
    }
  }
  return lines;
}

/** Runs one admin command against the engine database; returns the lines to print. */
export function runAdminCommand(db: EngineDb, command: AdminCommand): string[] {
  switch (command.name) {
    case 'tenant create': {
      const tenant = createTenant(db, { name: command.options.name });
      return [`已创建租户 ${tenant.id}「${tenant.name}」`];
    }
    case 'key issue': {
      const { options } = command;
      requireTenant(db, options.tenant);
      if (options.rate === undefined && options.burst !== undefined) {
        throw new AdminUsageError('--burst 需要与 --rate 一起使用');
      }
      const rateLimit = rateLimitOf(options.rate, options.burst);
      const issued = issueKey(db, {
        tenantId: options.tenant,
        mode: options.mode,
        scope: options['read-only'] ? 'read_only' : 'read_write',
        rateLimit,
      });
      // The one moment the plain key exists: printed on a line of its own, for scripts to pick up.
      return [
        '已签发 API Key（只显示这一次，请立即保存；引擎只保存其哈希）：',
        issued.key,
        `Key ${describeKey(issued.record)}`,
      ];
    }
    case 'key revoke': {
      const record = requireKey(db, command.options.key);
      if (!revokeKey(db, record.tenantId, record.id))
        throw new AdminUsageError(`Key ${record.id} 已经吊销过了`);
      return [`已吊销 Key ${record.id}（${record.prefix}…${record.last4}），使用它的请求将得到 401`];
    }
    case 'key rate': {
      const { options } = command;
      requireKey(db, options.key);
      setKeyRateLimit(db, options.key, rateLimitOf(options.rate, options.burst));
      return [`已设置 Key ${options.key} 的限额：${describeKey(requireKey(db, options.key))}`];
    }
    case 'account-set create': {
      const { options } = command;
      requireTenant(db, options.tenant);
      const set = createAccountSet(db, {
        tenantId: options.tenant,
        name: options.name,
        status: options.frozen ? 'frozen' : 'active',
      });
      return [
        `已创建账套 ${set.id}「${set.name}」（${set.status === 'active' ? '启用' : '冻结'}，已建默认科目表）`,
      ];
    }
    case 'account-set freeze':
    case 'account-set unfreeze': {
      const id = command.options.account;
      const status = command.name === 'account-set freeze' ? 'frozen' : 'active';
      if (!findAccountSet(db, id)) throw new AdminUsageError(`账套 ${id} 不存在`);
      setAccountSetStatus(db, id, status);
      return [`账套 ${id} 已${status === 'frozen' ? '冻结（只读）' : '解冻'}`];
    }
    case 'list':
      return listAll(db);
  }
}
