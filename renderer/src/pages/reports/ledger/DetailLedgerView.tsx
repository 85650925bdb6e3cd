import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { Alert, Flex, Select, Skeleton, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { DetailLedgerRow } from '../../../../../shared/api/detail-ledger';
import { bridge, errorMessage, unwrap } from '../../../bridge';
import { navigateTo } from '../../../navigation/hashNavigation';
import { periodLabel } from '../../../workspace/periods';
import { useWorkspace } from '../../../workspace/useWorkspace';
import { CacheSourceTag } from '../../accounts/CacheSourceTag';
import { formatAmount } from '../format';
import { ReportActions } from '../export/ReportActions';
import { reportQueryKeys, useChartAccounts } from '../reportQueries';
import { goToReports, type ReportsRoute } from '../useReportsRoute';
import { DetailLedgerTable } from './DetailLedgerTable';

export const LEDGER_PAGE_SIZE = 200;

/** Pages (1-based) that hold rows first..last. */
export function pagesFor(first: number, last: number, pageSize = LEDGER_PAGE_SIZE): number[] {
  const pages: number[] = [];
  for (let p = Math.floor(first / pageSize) + 1; p <= Math.floor(last / pageSize) + 1; p += 1) pages.push(p);
  return pages;
}

export function DetailLedgerView({ route }: { route: Extract<ReportsRoute, { view: 'ledger' }> }) {
  const { accountSetId, period } = useWorkspace();
  const chart = useChartAccounts();
  const [visible, setVisible] = useState<[number, number]>([0, 40]);
  const onVisibleRange = useCallback((first: number, last: number) => {
    setVisible((current) => (current[0] === first && current[1] === last ? current : [first, last]));
  }, []);
  const pages = useMemo(() => [...new Set([1, ...pagesFor(visible[0], visible[1])])], [visible]);

  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: reportQueryKeys.ledgerPage(
        accountSetId ?? '',
        route.code,
        period.startDate,
        period.endDate,
        page,
        LEDGER_PAGE_SIZE,
      ),
      queryFn: async () =>
        unwrap(
          await bridge.getDetailLedger({
            accountSetId: accountSetId ?? '',
            accountCode: route.code,
            startDate: period.startDate,
            endDate: period.endDate,
            page,
            pageSize: LEDGER_PAGE_SIZE,
          }),
        ),
      enabled: accountSetId !== undefined,
      staleTime: 30_000,
      placeholderData: page === 1 ? keepPreviousData : undefined,
    })),
  });
  const byPage = new Map(pages.map((page, i) => [page, results[i]?.data]));
  const first = results[0];
  const rowAt = (index: number): DetailLedgerRow | undefined =>
    byPage.get(Math.floor(index / LEDGER_PAGE_SIZE) + 1)?.data.rows[index % LEDGER_PAGE_SIZE];

  const accountOptions = (chart.data?.data.accounts ?? []).map((a) => ({
    value: a.code,
    label: `${a.code} ${a.name}`,
  }));

  let body;
  if (!first || first.isPending) body = <Skeleton active paragraph={{ rows: 10 }} />;
  else if (first.isError)
    body = <Alert type="error" showIcon title="明细账加载失败" description={errorMessage(first.error)} />;
  else {
    const { data, source, fetchedAt } = first.data;
    body = (
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="center" className="zxe-no-print">
          <Typography.Text type="secondary" data-testid="ledger-summary">
            期初余额 {data.opening.direction} {formatAmount(data.opening.balance, true)} · 期末余额{' '}
            {data.closing.direction} {formatAmount(data.closing.balance, true)} · 共 {data.posting_count}{' '}
            笔分录
          </Typography.Text>
          <Flex gap={8} align="center">
            {source === 'cache' ? <CacheSourceTag fetchedAt={fetchedAt} /> : null}
            <ReportActions kind={{ type: 'detail-ledger', first: data, periodLabel: periodLabel(period) }} />
          </Flex>
        </Flex>
        <div className="zxe-printable">
          <div className="zxe-statement-heading">
            <h2 className="zxe-statement-title">明细账</h2>
          </div>
          <div className="zxe-statement-fields">
            <span>
              科目：{data.account_code} {data.account_name}
            </span>
            <span>所属期：{periodLabel(period)}</span>
            <span>单位：元</span>
          </div>
          <DetailLedgerTable
            totalRows={data.total_rows}
            rowAt={rowAt}
            onVisibleRange={onVisibleRange}
            onVoucherClick={(row) => {
              if (row.voucher_id) navigateTo('vouchers', row.voucher_id);
            }}
          />
        </div>
      </Flex>
    );
  }

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center" className="zxe-no-print">
        <Typography.Text type="secondary">科目</Typography.Text>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          size="small"
          aria-label="明细账科目"
          data-testid="ledger-account"
          value={route.code}
          options={accountOptions}
          style={{ width: 260 }}
          onChange={(code: string) => goToReports({ view: 'ledger', code, from: route.from })}
        />
      </Flex>
      {body}
    </Flex>
  );
}
