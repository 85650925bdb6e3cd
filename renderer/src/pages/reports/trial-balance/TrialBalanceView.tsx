import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Checkbox, Flex, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../bridge';
import { periodLabel } from '../../../workspace/periods';
import { useWorkspace } from '../../../workspace/useWorkspace';
import { CacheSourceTag } from '../../accounts/CacheSourceTag';
import { ReportActions } from '../export/ReportActions';
import { useTrialBalance } from '../reportQueries';
import { goToReports } from '../useReportsRoute';
import { TrialBalanceTable } from './TrialBalanceTable';
import {
  DEFAULT_TRIAL_BALANCE_FILTERS,
  filterTrialBalance,
  maxLevelOf,
  totalsAgree,
  trialBalanceTotals,
  type TrialBalanceFilters,
} from './trialBalanceFilters';

export function TrialBalanceFilterBar({
  filters,
  maxLevel,
  onChange,
}: {
  filters: TrialBalanceFilters;
  maxLevel: number;
  onChange: (filters: TrialBalanceFilters) => void;
}) {
  return (
    <Flex gap={16} align="center" wrap>
      <Flex gap={6} align="center">
        <Typography.Text type="secondary">科目级次</Typography.Text>
        <Select
          size="small"
          aria-label="科目级次"
          data-testid="tb-level"
          value={filters.maxLevel}
          onChange={(maxLevel: number) => onChange({ ...filters, maxLevel })}
          options={Array.from({ length: Math.max(maxLevel, 1) }, (_, i) => ({
            value: i + 1,
            label: i === 0 ? '一级科目' : `至${String(i + 1)}级科目`,
          }))}
          style={{ width: 120 }}
        />
      </Flex>
      <Checkbox
        checked={filters.hideZeroBalance}
        onChange={(e) => onChange({ ...filters, hideZeroBalance: e.target.checked })}
      >
        隐藏余额为零的科目
      </Checkbox>
      <Checkbox
        checked={filters.hideNoMovement}
        onChange={(e) => onChange({ ...filters, hideNoMovement: e.target.checked })}
      >
        隐藏本期无发生额的科目
      </Checkbox>
    </Flex>
  );
}

export function TrialBalanceView() {
  const { period, accountSet } = useWorkspace();
  const query = useTrialBalance();
  const [filters, setFilters] = useState<TrialBalanceFilters>(DEFAULT_TRIAL_BALANCE_FILTERS);

  if (!accountSet) return <Alert type="info" showIcon title="请先选择账套" />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) {
    return <Alert type="error" showIcon title="科目余额表加载失败" description={errorMessage(query.error)} />;
  }
  const { data, source, fetchedAt } = query.data;
  const rows = filterTrialBalance(data.rows, filters);
  const agree = totalsAgree(trialBalanceTotals(data.rows));
  const label = periodLabel(period);

  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" className="zxe-no-print" wrap gap={8}>
        <TrialBalanceFilterBar filters={filters} maxLevel={maxLevelOf(data.rows)} onChange={setFilters} />
        <Flex gap={8} align="center">
          {source === 'cache' ? <CacheSourceTag fetchedAt={fetchedAt} /> : null}
          <ReportActions kind={{ type: 'trial-balance', data, rows, periodLabel: label }} />
        </Flex>
      </Flex>
      <div className="zxe-printable zxe-statement">
        <div className="zxe-statement-heading">
          <h2 className="zxe-statement-title">科目余额表</h2>
        </div>
        <div className="zxe-statement-fields">
          <span>编制单位：{data.account_set_name}</span>
          <span>所属期：{label}</span>
          <span>单位：元</span>
        </div>
        <TrialBalanceTable
          rows={rows}
          allRows={data.rows}
          onAccountClick={(code) => goToReports({ view: 'ledger', code })}
        />
        <div className="zxe-balance-check" data-testid="balance-check">
          {agree ? (
            <Typography.Text type="success">
              <CheckCircleFilled /> 借贷平衡：期初、本期、本年累计、期末的借方合计均等于贷方合计
            </Typography.Text>
          ) : (
            <Typography.Text type="danger">
              <CloseCircleFilled /> 借贷不平衡，请检查凭证
            </Typography.Text>
          )}
        </div>
      </div>
    </Flex>
  );
}
