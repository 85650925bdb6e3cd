import type { ChartAccountView } from '../../../../../shared/api/ledger';
import { DEFAULT_CHART, leafCodes } from '../../../../../shared/ledger/chart-of-accounts';

/** The default chart as the engine's chart endpoint answers it (for tests and benches). */
export function defaultChartView(): ChartAccountView[] {
  const leaves = leafCodes(DEFAULT_CHART);
  return DEFAULT_CHART.map((account) => ({
    code: account.code,
    name: account.name,
    class: account.class,
    side: account.side,
    parent: account.parent ?? null,
    is_leaf: leaves.has(account.code),
    tags: [...(account.tags ?? [])],
  }));
}
