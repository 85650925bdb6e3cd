import { pinyin } from 'pinyin-pro';
import type { ChartAccountView } from '../../../../../shared/api/ledger';

/** One account as the picker searches it: code, name with its parents', and pinyin initials. */
export interface IndexedAccount {
  code: string;
  name: string;
  /** 「管理费用-办公费」 */
  fullName: string;
  isLeaf: boolean;
  /** Initials of the account's own name, lower case: 办公费 → `bgf`. */
  initials: string;
  /** Initials of the full name: 管理费用-办公费 → `glfybgf`. */
  fullInitials: string;
}

export interface AccountIndex {
  accounts: readonly IndexedAccount[];
  byCode: ReadonlyMap<string, IndexedAccount>;
}

function initialsOf(text: string): string {
  return pinyin(text.replace(/[-—（）()·\s]/g, ''), { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase();
}

/** Built once per chart (pinyin is the costly part: one call per account name); searching is then a scan. */
export function buildAccountIndex(chart: readonly ChartAccountView[]): AccountIndex {
  const raw = new Map(chart.map((account) => [account.code, account]));
  const built = new Map<string, IndexedAccount>();
  const indexOf = (account: ChartAccountView, depth = 0): IndexedAccount => {
    const known = built.get(account.code);
    if (known) return known;
    const parentRaw = account.parent === null || depth > 12 ? undefined : raw.get(account.parent);
    const parent = parentRaw ? indexOf(parentRaw, depth + 1) : undefined;
    const initials = initialsOf(account.name);
    const indexed: IndexedAccount = {
      code: account.code,
      name: account.name,
      fullName: parent ? `${parent.fullName}-${account.name}` : account.name,
      isLeaf: account.is_leaf,
      initials,
      fullInitials: parent ? parent.fullInitials + initials : initials,
    };
    built.set(account.code, indexed);
    return indexed;
  };
  const accounts = chart.map((account) => indexOf(account));
  return { accounts, byCode: built };
}

/**
 * Leaf accounts for what was typed, best first: an exact code, then codes starting with it (a parent
 * code lists its children), then names containing it, then pinyin initials (`bgf` → 办公费). Empty
 * query: every leaf in code order.
 */
export function searchAccounts(index: AccountIndex, query: string, limit = 50): IndexedAccount[] {
  const q = query.trim().toLowerCase();
  const out: IndexedAccount[] = [];
  if (q === '') {
    for (const account of index.accounts) {
      if (!account.isLeaf) continue;
      out.push(account);
      if (out.length >= limit) break;
    }
    return out;
  }
  // Scores are a few fixed ranks: one bucket each, filled in chart (code) order, so no sort is needed.
  const buckets = new Map<number, IndexedAccount[]>();
  for (const account of index.accounts) {
    if (!account.isLeaf) continue;
    const score = scoreOf(account, q);
    if (score === 0) continue;
    const bucket = buckets.get(score);
    if (bucket) bucket.push(account);
    else buckets.set(score, [account]);
  }
  for (const score of [...buckets.keys()].sort((a, b) => b - a)) {
    for (const account of buckets.get(score) ?? []) {
      out.push(account);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

function scoreOf(account: IndexedAccount, q: string): number {
  if (account.code === q) return 100;
  if (account.code.startsWith(q)) return 90;
  if (account.name === q) return 85;
  if (account.name.startsWith(q)) return 80;
  if (account.fullName.includes(q)) return 70;
  if (account.initials === q) return 65;
  if (account.initials.startsWith(q)) return 60;
  if (account.fullInitials.startsWith(q)) return 50;
  if (account.initials.includes(q) || account.fullInitials.includes(q)) return 40;
  return 0;
}

/** 「560203 管理费用-办公费」 as the account cell shows a chosen account. */
export function accountLabel(account: IndexedAccount | undefined, code: string): string {
  return account ? `${account.code} ${account.fullName}` : code;
}
