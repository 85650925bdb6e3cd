import { Breadcrumb, Flex, Tabs } from 'antd';
import { lazy, Suspense } from 'react';
import './reports.css';
import type { ReportType } from '../../../../shared/api/report';
import { PageHeading } from '../../components/PageHeading';
import { ClosingView } from './closing/ClosingView';
import { DetailLedgerView } from './ledger/DetailLedgerView';
import { accountsBehindLine } from './statements/lineAccounts';
import { LineAccountsView } from './statements/LineAccountsView';
import { REPORT_TITLES } from './statements/statementLayout';
import { StatementView } from './statements/StatementView';
import { TrialBalanceView } from './trial-balance/TrialBalanceView';
import { goToReports, useReportsRoute, type ReportsRoute } from './useReportsRoute';

// The charts pull in echarts: a chunk of their own, loaded when the tab opens.
const ReportCharts = lazy(() => import('./charts/ReportCharts'));

const TABS = [
  { key: 'balance', label: '资产负债表' },
  { key: 'profit', label: '利润表' },
  { key: 'cashflow', label: '现金流量表' },
  { key: 'trial-balance', label: '科目余额表' },
  { key: 'ledger', label: '明细账' },
  { key: 'closing', label: '结账' },
  { key: 'chart', label: '图表' },
] as const;

function tabOf(route: ReportsRoute): string {
  if (route.view === 'lines') return route.type;
  return route.view;
}

function Crumbs({ route }: { route: ReportsRoute }) {
  const from =
    route.view === 'lines'
      ? { type: route.type, lineNo: route.lineNo }
      : route.view === 'ledger'
        ? route.from
        : undefined;
  if (!from && route.view !== 'ledger') return null;
  const items: { title: React.ReactNode }[] = [];
  if (from) {
    items.push({ title: <a onClick={() => goToReports({ view: from.type })}>{REPORT_TITLES[from.type]}</a> });
    const roots = accountsBehindLine(from.type, from.lineNo).join('、');
    items.push({
      title:
        route.view === 'ledger' ? (
          <a onClick={() => goToReports({ view: 'lines', type: from.type, lineNo: from.lineNo })}>
            第 {from.lineNo} 行（{roots}）
          </a>
        ) : (
          `第 ${String(from.lineNo)} 行（${roots}）`
        ),
    });
  } else {
    items.push({ title: <a onClick={() => goToReports({ view: 'trial-balance' })}>科目余额表</a> });
  }
  if (route.view === 'ledger') items.push({ title: `${route.code} 明细账` });
  return <Breadcrumb items={items} className="zxe-no-print" data-testid="report-breadcrumbs" />;
}

function View({ route }: { route: ReportsRoute }) {
  switch (route.view) {
    case 'balance':
    case 'profit':
    case 'cashflow':
      return <StatementView type={route.view} />;
    case 'lines':
      return <LineAccountsView type={route.type} lineNo={route.lineNo} />;
    case 'trial-balance':
      return <TrialBalanceView />;
    case 'ledger':
      return <DetailLedgerView route={route} />;
    case 'closing':
      return <ClosingView />;
    case 'chart':
      return (
        <Suspense fallback={<div>图表加载中…</div>}>
          <ReportCharts />
        </Suspense>
      );
  }
}

export function ReportsPage() {
  const route = useReportsRoute();
  return (
    <Flex vertical gap={8}>
      <div className="zxe-no-print">
        <PageHeading title="报表" />
      </div>
      <Tabs
        className="zxe-no-print"
        activeKey={tabOf(route)}
        items={TABS.map((t) => ({ key: t.key, label: t.label }))}
        onChange={(key) => {
          if (key === 'ledger') goToReports({ view: 'ledger', code: '1002' });
          else goToReports({ view: key as ReportType | 'trial-balance' | 'closing' | 'chart' });
        }}
      />
      <Crumbs route={route} />
      <View route={route} />
    </Flex>
  );
}
