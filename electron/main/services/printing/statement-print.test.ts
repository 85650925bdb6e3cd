import { describe, expect, test, vi } from 'vitest';
import type { ReportResponse } from '../../../../shared/api/report.js';
import { IPC_CALLS } from '../../../../shared/ipc-channels.js';
import type { ReportRequest } from '../../../../shared/ipc.js';
import { createIpcRouter, type IpcHandlers } from '../../ipc/router.js';
import type { PrintDocument, PrintResult } from './print-document.js';
import { balanceSheetFixture } from './statement-fixtures.js';
import { createStatementPrinter } from './statement-print.js';

const APP = 'app://zxe';
const GOOD = { accountSetId: 'acc_demo', type: 'balance', startDate: '2026-03-01', endDate: '2026-03-31' };

function setup(
  printPdf = vi.fn((_doc: PrintDocument): Promise<PrintResult> => Promise.resolve({ status: 'cancelled' })),
) {
  const report = vi.fn((request: ReportRequest) => {
    const answer: ReportResponse = {
      report_data: balanceSheetFixture('演示科技有限公司'),
      period: { start_date: request.startDate, end_date: request.endDate },
    };
    return Promise.resolve({ data: answer });
  });
  const printStatement = createStatementPrinter({ report, printPdf });
  // Every other call refuses: only printStatement is under test, through the real router.
  const fail = () => Promise.reject(new Error('not used'));
  const handlers = {
    ...(Object.fromEntries(IPC_CALLS.map((name) => [name, fail])) as unknown as IpcHandlers),
    printStatement: (args: ReportRequest, { signal }: { signal: AbortSignal }) =>
      printStatement(args, signal),
  };
  const router = createIpcRouter({ handlers, isTrustedOrigin: (o) => o === APP });
  return { router, report, printPdf };
}

describe('printStatement (IPC)', () => {
  test('main reads the statement itself and prints its own A4 page', async () => {
    const { router, report, printPdf } = setup(
      vi.fn((_doc: PrintDocument): Promise<PrintResult> =>
        Promise.resolve({ status: 'saved', fileName: '演示科技有限公司_资产负债表_2026年3月.pdf' }),
      ),
    );
    await expect(router.dispatch('printStatement', GOOD, APP)).resolves.toEqual({
      ok: true,
      data: { status: 'saved', fileName: '演示科技有限公司_资产负债表_2026年3月.pdf' },
    });
    expect(report).toHaveBeenCalledOnce();
    expect(report.mock.calls[0]?.[0]).toEqual(GOOD);
    const printed = printPdf.mock.calls[0]?.[0];
    expect(printed).toMatchObject({
      kind: 'statement',
      pageSize: 'A4',
      landscape: true,
      suggestedFileName: '演示科技有限公司_资产负债表_2026年3月.pdf',
    });
    expect(printed?.html).toContain('<h1>资产负债表</h1>');
  });

  test('a bad statement type, a bad or reversed period, extra fields or raw HTML are a clear 400', async () => {
    const { router, report, printPdf } = setup();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...GOOD, type: 'payroll' }, '报表类型应为 balance、profit 或 cashflow'],
      [{ ...GOOD, startDate: '2026-02-30' }, '不是有效的日期'],
      [{ ...GOOD, endDate: '2026/03/31' }, '格式应为 YYYY-MM-DD'],
      [{ ...GOOD, startDate: '2026-04-01' }, '开始日期不能晚于结束日期'],
      [{ ...GOOD, html: '<script>alert(1)</script>' }, 'html'],
      [{ ...GOOD, accountSetId: '../../etc' }, 'accountSetId'],
    ];
    for (const [args, words] of cases) {
      const answer = await router.dispatch('printStatement', args, APP);
      expect(answer).toMatchObject({
        ok: false,
        error: {
          code: 400,
          type: 'invalid_request_error',
          message: expect.stringContaining(words) as string,
        },
      });
    }
    expect(report).not.toHaveBeenCalled();
    expect(printPdf).not.toHaveBeenCalled();
  });

  test('without a PDF printer (browser mode) the answer is unsupported and nothing is read', async () => {
    const report = vi.fn(() => Promise.reject(new Error('not used')));
    const printStatement = createStatementPrinter({ report, printPdf: undefined });
    await expect(printStatement(GOOD as ReportRequest, new AbortController().signal)).resolves.toEqual({
      status: 'unsupported',
    });
    expect(report).not.toHaveBeenCalled();
  });

  test('an engine error reaches the renderer as its error, and nothing is printed', async () => {
    const printPdf = vi.fn((_doc: PrintDocument) => Promise.resolve({ status: 'cancelled' as const }));
    const report = vi.fn(() => Promise.reject(new Error('engine down')));
    const printStatement = createStatementPrinter({ report, printPdf });
    await expect(printStatement(GOOD as ReportRequest, new AbortController().signal)).rejects.toThrow(
      'engine down',
    );
    expect(printPdf).not.toHaveBeenCalled();
  });
});
