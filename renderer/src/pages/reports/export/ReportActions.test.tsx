// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { statementSchema } from '../../../../../shared/api/statements';
import { bridge } from '../../../bridge';
import { ReportActions } from './ReportActions';

vi.mock('../../../workspace/useWorkspace', () => ({
  useWorkspace: () => ({
    accountSetId: 'acc_demo',
    accountSet: { id: 'acc_demo', name: '演示科技有限公司', status: 'active' },
    period: { kind: 'month', startDate: '2026-03-01', endDate: '2026-03-31' },
  }),
}));

const statement = statementSchema.parse({
  title: '资产负债表',
  form_no: '会小企01表',
  account_set_id: 'acc_demo',
  account_set_name: '演示科技有限公司',
  unit: '元',
  columns: [{ key: 'ending_balance', label: '期末余额' }],
  lines: [{ line_no: 1, item: '货币资金', kind: 'item', section: '资产', values: { ending_balance: 100 } }],
});

/** happy-dom has no window.print: a spy in its place. */
function stubPrint() {
  const print = vi.fn();
  Object.defineProperty(window, 'print', { configurable: true, writable: true, value: print });
  return print;
}

function renderActions() {
  render(
    <App>
      <ReportActions kind={{ type: 'statement', statement, periodLabel: '2026年3月', singleMonth: true }} />
    </App>,
  );
  return screen.getByTestId('print');
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('打印 / 导出 PDF of a statement', () => {
  test('in the app it asks main for the PDF of this statement and period, and does not print the page', async () => {
    const printStatement = vi.spyOn(bridge, 'printStatement').mockResolvedValue({
      ok: true,
      data: { status: 'saved', fileName: '演示科技有限公司_资产负债表_2026年3月.pdf' },
    });
    const print = stubPrint();
    const button = renderActions();
    expect(button.textContent).toContain('打印 / 导出 PDF');
    fireEvent.click(button);
    await screen.findByText('已保存 PDF：演示科技有限公司_资产负债表_2026年3月.pdf');
    expect(printStatement).toHaveBeenCalledWith({
      accountSetId: 'acc_demo',
      type: 'balance',
      startDate: '2026-03-01',
      endDate: '2026-03-31',
    });
    expect(print).not.toHaveBeenCalled();
  });

  test('in browser mode (main answers unsupported) the page prints itself', async () => {
    vi.spyOn(bridge, 'printStatement').mockResolvedValue({ ok: true, data: { status: 'unsupported' } });
    const print = stubPrint();
    fireEvent.click(renderActions());
    await waitFor(() => expect(print).toHaveBeenCalledOnce());
  });

  test('an error from main is shown, nothing is printed', async () => {
    vi.spyOn(bridge, 'printStatement').mockResolvedValue({
      ok: false,
      error: {
        code: 400,
        type: 'invalid_request_error',
        message: '参数错误：endDate开始日期不能晚于结束日期',
      },
    });
    const print = stubPrint();
    fireEvent.click(renderActions());
    await screen.findByText(/打印失败：参数错误/);
    expect(print).not.toHaveBeenCalled();
  });
});
