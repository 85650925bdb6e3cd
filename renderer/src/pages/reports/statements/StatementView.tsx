import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Flex, Skeleton, Typography } from 'antd';
import type { ReportType } from '../../../../../shared/api/report';
import type { Statement } from '../../../../../shared/api/statements';
import { errorMessage } from '../../../bridge';
import { periodLabel } from '../../../workspace/periods';
import { useWorkspace } from '../../../workspace/useWorkspace';
import { CacheSourceTag } from '../../accounts/CacheSourceTag';
import { formatAmount } from '../format';
import { ReportActions } from '../export/ReportActions';
import { useStatement } from '../reportQueries';
import { goToReports } from '../useReportsRoute';
import { accountsBehindLine } from './lineAccounts';
import { balanceCheck } from './statementLayout';
import { StatementTable } from './StatementTable';

function BalanceCheckLine({ statement }: { statement: Statement }) {
  const check = balanceCheck(statement);
  if (!check) return null;
  return (
    <div className="zxe-balance-check" data-testid="balance-check">
      {check.balanced ? (
        <Typography.Text type="success">
          <CheckCircleFilled /> 平衡：{check.label}
          {check.details.map((d) => `；${d.label} ${formatAmount(d.left, true)}`).join('')}
        </Typography.Text>
      ) : (
        <Typography.Text type="danger">
          <CloseCircleFilled /> 不平衡：{check.label}
          {check.details
            .map((d) => `；${d.label} ${formatAmount(d.left, true)} ≠ ${formatAmount(d.right, true)}`)
            .join('')}
        </Typography.Text>
      )}
    </div>
  );
}

/** One statement of the workspace period, with its cache badge, balance check, export and print. */
export function StatementView({ type }: { type: ReportType }) {
  const { period, accountSet } = useWorkspace();
  const query = useStatement(type);

  if (!accountSet) return <Alert type="info" showIcon title="请先选择账套" />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (query.isError)
    return <Alert type="error" showIcon title="报表加载失败" description={errorMessage(query.error)} />;

  const { data, source, fetchedAt } = query.data;
  const statement = data.report_data;
  const label = periodLabel(period);
  const singleMonth = period.kind === 'month';

  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" className="zxe-no-print">
        <Flex gap={8} align="center">
          {source === 'cache' ? <CacheSourceTag fetchedAt={fetchedAt} /> : null}
          {query.isPlaceholderData ? <Typography.Text type="secondary">正在更新…</Typography.Text> : null}
        </Flex>
        <ReportActions kind={{ type: 'statement', statement, periodLabel: label, singleMonth }} />
      </Flex>
      <div className="zxe-printable">
        <StatementTable
          statement={statement}
          period={{ startDate: period.startDate, endDate: period.endDate, label, singleMonth }}
          canDrill={(line) => accountsBehindLine(type, line.line_no).length > 0}
          onLineClick={(line) => {
            if (line.line_no !== null) goToReports({ view: 'lines', type, lineNo: line.line_no });
          }}
        />
        <BalanceCheckLine statement={statement} />
      </div>
    </Flex>
  );
}
