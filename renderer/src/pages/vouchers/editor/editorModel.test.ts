import { describe, expect, test } from 'vitest';
import { defaultChartView } from '../testing/chartFixture';
import { buildAccountIndex } from './accountIndex';
import {
  BLANK_LINE,
  carryAbstractDown,
  editorTotals,
  expandAbstractShortcut,
  fillBalance,
  swapSides,
  toCreateRequest,
  withTrailingBlank,
  type EditorLine,
} from './editorModel';

const line = (abstract: string, accountCode: string, debit = '', credit = ''): EditorLine => ({
  abstract,
  accountCode,
  debit,
  credit,
});
const index = buildAccountIndex(defaultChartView());
const lookup = {
  nameOf: (code: string) => index.byCode.get(code)?.name,
  isLeaf: (code: string) => index.byCode.get(code)?.isLeaf ?? false,
};
const draft = (lines: EditorLine[], date = '2024-03-05') => ({
  date,
  attachmentCount: 0,
  attachments: [],
  lines,
});

describe('editor rules', () => {
  test('exactly one blank line at the end, and at least two lines', () => {
    expect(withTrailingBlank([])).toEqual([BLANK_LINE, BLANK_LINE]);
    expect(withTrailingBlank([line('a', '1001', '1')])).toHaveLength(2);
    expect(withTrailingBlank([line('a', '1001', '1'), BLANK_LINE, BLANK_LINE, BLANK_LINE])).toHaveLength(2);
  });

  test('totals in fen and the difference', () => {
    const totals = editorTotals([
      line('a', '1001', '0.1'),
      line('a', '1001', '0.2'),
      line('b', '1002', '', '0.3'),
    ]);
    expect(totals).toEqual({ debitFen: 30, creditFen: 30, differenceFen: 0 });
  });

  test('= fills the balancing amount on this side, or on the other when this side is ahead', () => {
    const lines = [line('a', '560203', '500'), line('a', '1002', '', '120'), line('a', '1001')];
    expect(fillBalance(lines, 2, 'credit')[2]).toMatchObject({ debit: '', credit: '380' });
    expect(fillBalance(lines, 2, 'debit')[2]).toMatchObject({ debit: '', credit: '380' });
    const more = [line('a', '560203', '100'), line('a', '1002', '', '250.5'), line('a', '1001')];
    expect(fillBalance(more, 2, 'debit')[2]).toMatchObject({ debit: '150.5', credit: '' });
    // Already balanced without this line: it is cleared.
    expect(
      fillBalance([line('a', '1', '5'), line('b', '2', '', '5'), line('c', '3', '9')], 2, 'debit')[2],
    ).toMatchObject({ debit: '', credit: '' });
  });

  test('Space moves the amount to the other side', () => {
    expect(swapSides([line('a', '1001', '12')], 0)[0]).toMatchObject({ debit: '', credit: '12' });
    expect(swapSides([line('a', '1001', '', '12')], 0)[0]).toMatchObject({ debit: '12', credit: '' });
  });

  test('摘要 carries down into an empty next line only', () => {
    expect(carryAbstractDown([line('报销', '1'), BLANK_LINE], 0)[1]?.abstract).toBe('报销');
    expect(carryAbstractDown([line('报销', '1'), line('别的', '')], 0)[1]?.abstract).toBe('别的');
  });

  test('.. and // copy the previous and the first line’s 摘要', () => {
    const lines = [line('第一行', '1'), line('第二行', '1'), BLANK_LINE];
    expect(expandAbstractShortcut(lines, 2, '..')).toBe('第二行');
    expect(expandAbstractShortcut(lines, 2, '//')).toBe('第一行');
    expect(expandAbstractShortcut(lines, 2, '报销')).toBe('报销');
    expect(expandAbstractShortcut(lines, 0, '..')).toBe('..');
  });

  test('the request and the engine’s refusals, with the user’s line numbers', () => {
    const ok = toCreateRequest(
      'acc_1',
      draft([line('购', '560203', '500'), line('购', '1002', '', '500'), BLANK_LINE]),
      lookup,
    );
    expect(ok.problems).toEqual([]);
    expect(ok.request.entries).toEqual([
      { abstract: '购', account_code: '560203', debit: 500, credit: 0 },
      { abstract: '购', account_code: '1002', debit: 0, credit: 500 },
    ]);
    const unbalanced = toCreateRequest(
      'acc_1',
      draft([line('购', '560203', '500'), line('购', '1002', '', '400')]),
      lookup,
    );
    expect(unbalanced.problems.map((p) => p.message)).toEqual([
      '借贷不平衡：借方合计 500.00，贷方合计 400.00',
    ]);
    const parent = toCreateRequest(
      'acc_1',
      draft([line('购', '5602', '5'), line('购', '1002', '', '5')]),
      lookup,
    );
    expect(parent.problems[0]).toEqual({
      message: '第1行科目5602（管理费用）不是末级科目，请选择其明细科目',
      line: 0,
    });
    const noAbstract = toCreateRequest(
      'acc_1',
      draft([line('', '560203', '5'), line('购', '1002', '', '5')]),
      lookup,
    );
    expect(noAbstract.problems[0]?.message).toBe('第1行摘要不能为空');
    const red = toCreateRequest(
      'acc_1',
      draft([line('购', '560203', '-5'), line('购', '1002', '', '-5')]),
      lookup,
    );
    expect(red.problems[0]?.message).toContain('红字金额只能通过「红字冲销」生成');
    const oneLine = toCreateRequest('acc_1', draft([line('购', '560203', '5')]), lookup);
    expect(oneLine.problems[0]?.message).toBe('至少需要两条分录');
  });
});
