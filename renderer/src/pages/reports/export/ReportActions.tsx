import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import type { DetailLedgerResponse, DetailLedgerRow } from '../../../../../shared/api/detail-ledger';
import type { ReportType } from '../../../../../shared/api/report';
import type { Statement } from '../../../../../shared/api/statements';
import type { TrialBalanceResponse } from '../../../../../shared/api/trial-balance';
import { bridge, errorMessage, unwrap } from '../../../bridge';
import { useWorkspace } from '../../../workspace/useWorkspace';
import { REPORT_TITLES } from '../statements/statementLayout';

export type ReportActionsKind =
  | { type: 'statement'; statement: Statement; periodLabel: string; singleMonth: boolean }
  | {
      type: 'trial-balance';
      data: TrialBalanceResponse;
      rows: TrialBalanceResponse['rows'];
      periodLabel: string;
    }
  | { type: 'detail-ledger'; first: DetailLedgerResponse; periodLabel: string };

const TYPES: ReportType[] = ['balance', 'profit', 'cashflow'];

/**
 * 导出 Excel and 打印 for the view on screen; exceljs is loaded only when the user exports. A
 * statement prints as an A4 PDF through main in the app (main reads the data and lays out the
 * page); where main cannot print (browser mode) the page prints itself with its print stylesheet.
 */
export function ReportActions({ kind }: { kind: ReportActionsKind }) {
  const { accountSetId, accountSet, period } = useWorkspace();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [printing, setPrinting] = useState(false);

  async function exportXlsx() {
    if (!accountSetId || !accountSet) return;
    setBusy(true);
    try {
      const xlsx = await import('./workbook');
      const info = {
        startDate: period.startDate,
        endDate: period.endDate,
        label: kind.periodLabel,
        singleMonth: period.kind === 'month',
      };
      const book = xlsx.newWorkbook();
      let what: string;
      if (kind.type === 'detail-ledger') {
        const rows: DetailLedgerRow[] = [];
        const pageSize = 500;
        for (let page = 1; (page - 1) * pageSize < kind.first.total_rows; page += 1) {
          const answer = unwrap(
            await bridge.getDetailLedger({
              accountSetId,
              accountCode: kind.first.account_code,
              startDate: period.startDate,
              endDate: period.endDate,
              page,
              pageSize,
            }),
          );
          rows.push(...answer.data.rows);
        }
        xlsx.addDetailLedgerSheet(
          book,
          { code: kind.first.account_code, name: kind.first.account_name, setName: accountSet.name },
          rows,
          info,
        );
        what = `明细账${kind.first.account_code}${kind.first.account_name}`;
      } else {
        // One workbook: the three statements (one sheet each) and the 科目余额表.
        for (const type of TYPES) {
          const answer = unwrap(
            await bridge.getReport({
              accountSetId,
              type,
              startDate: period.startDate,
              endDate: period.endDate,
            }),
          );
          xlsx.addStatementSheet(book, answer.data.report_data, info);
        }
        const tb = unwrap(
          await bridge.getTrialBalance({
            accountSetId,
            startDate: period.startDate,
            endDate: period.endDate,
          }),
        );
        xlsx.addTrialBalanceSheet(book, tb.data, info);
        what = kind.type === 'statement' ? kind.statement.title : '科目余额表';
      }
      await xlsx.saveWorkbook(book, xlsx.exportFileName(accountSet.name, what, kind.periodLabel));
      message.success('已导出 Excel');
    } catch (error) {
      message.error(`导出失败：${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  }

  async function print() {
    const type =
      kind.type === 'statement' ? TYPES.find((t) => REPORT_TITLES[t] === kind.statement.title) : undefined;
    if (!accountSetId || !type) {
      window.print();
      return;
    }
    setPrinting(true);
    try {
      const result = unwrap(
        await bridge.printStatement({
          accountSetId,
          type,
          startDate: period.startDate,
          endDate: period.endDate,
        }),
      );
      if (result.status === 'saved') message.success(`已保存 PDF：${result.fileName}`);
      else if (result.status === 'unsupported') window.print();
    } catch (error) {
      message.error(`打印失败：${errorMessage(error)}`);
    } finally {
      setPrinting(false);
    }
  }

  return (
    <Flex gap={8} className="zxe-no-print">
      <Button
        size="small"
        icon={<FileExcelOutlined />}
        loading={busy}
        onClick={() => void exportXlsx()}
        data-testid="export-xlsx"
      >
        导出 Excel
      </Button>
      <Button
        size="small"
        icon={<PrinterOutlined />}
        loading={printing}
        onClick={() => void print()}
        data-testid="print"
      >
        {kind.type === 'statement' ? '打印 / 导出 PDF' : '打印'}
      </Button>
    </Flex>
  );
}
