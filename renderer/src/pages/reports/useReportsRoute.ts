import { navigateTo, useSectionSubpath } from '../../navigation/hashNavigation';
import type { ReportType } from '../../../../shared/api/report';

/**
 * The 报表 section's own hash routes, after `#/reports/`:
 *   balance | profit | cashflow | trial-balance | closing | chart
 *   lines/<type>/<lineNo>            the accounts behind a statement line
 *   ledger/<code>[/<type>/<lineNo>]  an account's 明细账, remembering the line it was reached from
 */
export type ReportsRoute =
  | { view: ReportType | 'trial-balance' | 'closing' | 'chart' }
  | { view: 'lines'; type: ReportType; lineNo: number }
  | { view: 'ledger'; code: string; from?: { type: ReportType; lineNo: number } };

const REPORT_TYPES: readonly string[] = ['balance', 'profit', 'cashflow'];
const isType = (v: string | undefined): v is ReportType => v !== undefined && REPORT_TYPES.includes(v);

export function parseReportsRoute(subpath: string): ReportsRoute {
  const [view, a, b, c] = subpath.split('/');
  if (isType(view)) return { view };
  if (view === 'trial-balance' || view === 'closing' || view === 'chart') return { view };
  if (view === 'lines' && isType(a) && /^\d+$/.test(b ?? '')) return { view, type: a, lineNo: Number(b) };
  if (view === 'ledger' && a && /^\d{4,12}$/.test(a)) {
    return isType(b) && /^\d+$/.test(c ?? '')
      ? { view, code: a, from: { type: b, lineNo: Number(c) } }
      : { view, code: a };
  }
  return { view: 'balance' };
}

export function useReportsRoute(): ReportsRoute {
  return parseReportsRoute(useSectionSubpath());
}

export function goToReports(route: ReportsRoute): void {
  switch (route.view) {
    case 'lines':
      navigateTo('reports', 'lines', route.type, String(route.lineNo));
      return;
    case 'ledger':
      if (route.from) navigateTo('reports', 'ledger', route.code, route.from.type, String(route.from.lineNo));
      else navigateTo('reports', 'ledger', route.code);
      return;
    default:
      navigateTo('reports', route.view);
  }
}
