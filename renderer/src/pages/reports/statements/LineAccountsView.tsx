import { Alert, Skeleton, Typography } from 'antd';
import type { ReportType } from '../../../../../shared/api/report';
import { errorMessage } from '../../../bridge';
import { useTrialBalance } from '../reportQueries';
import { TrialBalanceTable } from '../trial-balance/TrialBalanceTable';
import { goToReports } from '../useReportsRoute';
import { accountsBehindLine } from './lineAccounts';

/** The accounts behind one statement line, with their figures for the period; click one for its 明细账. */
export function LineAccountsView({ type, lineNo }: { type: ReportType; lineNo: number }) {
  const query = useTrialBalance();
  const roots = accountsBehindLine(type, lineNo);
  if (query.isPending) return <Skeleton active />;
  if (query.isError)
    return <Alert type="error" showIcon title="科目加载失败" description={errorMessage(query.error)} />;
  const rows = query.data.data.rows.filter((r) => roots.some((root) => r.code.startsWith(root)));
  return (
    <div className="zxe-statement">
      <Typography.Paragraph type="secondary">
        该行次取自以下科目（{roots.join('、')}）；点击科目编码查看明细账。
      </Typography.Paragraph>
      <TrialBalanceTable
        rows={rows}
        allRows={rows.filter((r) => r.level === 1)}
        onAccountClick={(code) => goToReports({ view: 'ledger', code, from: { type, lineNo } })}
      />
    </div>
  );
}
