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

/** Built once per chart (pinyin is the costly part); searching is then a scan of short strings. */
export function buildAccountIndex(chart: readonly ChartAccountView[]): AccountIndex {
  const byCodeRaw = new Map(chart.map((account) => [account.code, account]));
  const fullNames = new Map<string, string>();
  const fullNameOf = (account: ChartAccountView): string => {
    const known = fullNames.get(account.code);
    if (known !== undefined) return known;
    const parent = account.parent === null ? undefined : byCodeRaw.get(account.parent);
    const full = parent ? `${fullNameOf(parent)}-${account.name}` : account.name;
    fullNames.set(account.code, full);
    return full;
  };
  const accounts = chart.map((account) => {
    const fullName = fullNameOf(account);
    return {
      code: account.code,
      name: account.name,
      fullName,
      isLeaf: account.is_leaf,
      initials: initialsOf(account.name),
      fullInitials: initialsOf(fullName),
    };
  });
  return { accounts, byCode: new Map(accounts.map((account) => [account.code, account])) };
}

/**
 * Leaf accounts for what was typed, best first: an exact code, then codes starting with it (a parent
 * code lists its children), then names containing it, then pinyin initials (`bgf` → 办公费). Empty
 * query: every leaf in code order.
 */
export function searchAccounts(index: AccountIndex, query: string, limit = 50): IndexedAccount[] {
  const q = query.trim().toLowerCase();
  const leaves = index.accounts.filter((account) => account.isLeaf);
  if (q === '') return leaves.slice(0, limit);
  const scored: { account: IndexedAccount; score: number }[] = [];
  for (const account of leaves) {
    const score = scoreOf(account, q);
    if (score > 0) scored.push({ account, score });
  }
  scored.sort((a, b) => b.score - a.score || a.account.code.localeCompare(b.account.code));
  return scored.slice(0, limit).map((entry) => entry.account);
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
