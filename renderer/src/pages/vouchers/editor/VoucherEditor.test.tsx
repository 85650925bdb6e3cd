// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { VoucherDraft } from '../../../../../shared/vouchers/voucher-drafts';
import { defaultChartView } from '../testing/chartFixture';
import { buildAccountIndex } from './accountIndex';
import { emptyDraft } from './editorModel';
import { VoucherEditor, type VoucherEditorActions } from './VoucherEditor';

const accounts = buildAccountIndex(defaultChartView());

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

afterEach(() => {
  cleanup();
});

interface Harness {
  actions: { [K in keyof VoucherEditorActions]: ReturnType<typeof vi.fn> };
  draft: () => VoucherDraft;
}

function renderEditor(initial: VoucherDraft = emptyDraft('2024-03-05')): Harness {
  let current = initial;
  const actions = { onSave: vi.fn(), onNavigate: vi.fn(), onOpenTemplates: vi.fn() };
  function Wrapper() {
    const [draft, setDraft] = useState(initial);
    return (
      <VoucherEditor
        draft={draft}
        onChange={(next) => {
          current = next;
          setDraft(next);
        }}
        accounts={accounts}
        nextNumber={7}
        dateProblem={undefined}
        problems={[]}
        abstractSuggestions={['报销办公费', '提取备用金']}
        {...actions}
      />
    );
  }
  render(<Wrapper />);
  return { actions, draft: () => current };
}

const cell = (row: number, label: '摘要' | '会计科目' | '借方金额' | '贷方金额') =>
  screen.getByLabelText<HTMLInputElement>(`第${String(row)}行${label}`);

async function typeLine(
  user: ReturnType<typeof userEvent.setup>,
  abstract: string,
  account: string,
  debit: string,
) {
  await user.type(cell(1, '摘要'), abstract);
  await user.keyboard('{Enter}');
  await user.keyboard(account);
  await user.keyboard('{Enter}');
  await user.keyboard(debit);
}

describe('voucher editor keys', () => {
  test('header shows 记字第 N 号 before saving; there is always one blank line at the end', async () => {
    const user = userEvent.setup();
    const h = renderEditor();
    expect(screen.getByTestId('editor-number').textContent).toBe('记字第 7 号');
    expect(screen.getAllByTestId('editor-row')).toHaveLength(2);
    await user.type(cell(1, '摘要'), '报销');
    await user.type(cell(2, '摘要'), '报销');
    expect(screen.getAllByTestId('editor-row')).toHaveLength(3);
    expect(h.draft().lines[2]).toEqual({ abstract: '', accountCode: '', debit: '', credit: '' });
  });

  test('Enter and Tab go to the next cell; at the end of a row to the next row, carrying 摘要 down', async () => {
    const user = userEvent.setup();
    const h = renderEditor();
    await user.type(cell(1, '摘要'), '采购办公用品');
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(cell(1, '会计科目'));
    await user.keyboard('{Escape}{Tab}');
    expect(document.activeElement).toBe(cell(1, '借方金额'));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(cell(1, '贷方金额'));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(cell(2, '摘要'));
    expect(cell(2, '摘要').value).toBe('采购办公用品');
    expect(h.draft().lines[1]?.abstract).toBe('采购办公用品');
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(cell(1, '贷方金额'));
  });

  test('the account picker finds by code, name and pinyin initials; arrows, Enter and Esc work', async () => {
    const user = userEvent.setup();
    const h = renderEditor();
    await user.click(cell(1, '会计科目'));
    await user.keyboard('bgf');
    let picker = screen.getByTestId('account-picker');
    expect(within(picker).getAllByRole('option')[0]?.textContent).toContain('560203');
    expect(picker.textContent).toContain('新增科目');
    await user.keyboard('{Enter}');
    expect(h.draft().lines[0]?.accountCode).toBe('560203');
    expect(cell(1, '会计科目').value).toBe('560203 管理费用-办公费');
    expect(document.activeElement).toBe(cell(1, '借方金额'));

    // By name (银行 → 1002), then the arrow keys move through several matches.
    await user.click(cell(2, '会计科目'));
    await user.keyboard('银行');
    expect(within(screen.getByTestId('account-picker')).getAllByRole('option')[0]?.textContent).toContain(
      '1002',
    );
    await user.clear(cell(2, '会计科目'));
    await user.keyboard('销售费用');
    picker = screen.getByTestId('account-picker');
    expect(within(picker).getAllByRole('option')[0]?.textContent).toContain('560101');
    await user.keyboard('{ArrowDown}');
    expect(within(picker).getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowUp}');
    expect(within(picker).getAllByRole('option')[0]?.getAttribute('aria-selected')).toBe('true');
    // Esc closes without choosing: nothing is silently overwritten.
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('account-picker')).toBeNull();
    expect(h.draft().lines[1]?.accountCode).toBe('');

    // By code: a parent code lists its leaf children only.
    await user.clear(cell(2, '会计科目'));
    await user.keyboard('5602');
    const children = within(screen.getByTestId('account-picker'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(children[0]).toContain('560201');
    expect(children.some((text) => /^5602\s/.test(text))).toBe(false);
    await user.keyboard('{Enter}');
    expect(h.draft().lines[1]?.accountCode).toBe('560201');
  });

  test('F7 and F2 open the account picker (all leaves) and, in 摘要, the 摘要 picker', async () => {
    const user = userEvent.setup();
    const h = renderEditor();
    await user.click(cell(1, '会计科目'));
    await user.keyboard('{F7}');
    expect(within(screen.getByTestId('account-picker')).getAllByRole('option')[0]?.textContent).toContain(
      '1001',
    );
    await user.keyboard('{Escape}');
    await user.keyboard('{F2}');
    expect(screen.getByTestId('account-picker')).toBeTruthy();
    await user.keyboard('{Escape}');

    await user.click(cell(1, '摘要'));
    await user.keyboard('{F7}');
    const abstracts = within(screen.getByTestId('abstract-picker')).getAllByRole('option');
    expect(abstracts.map((o) => o.textContent)).toEqual(['报销办公费', '提取备用金']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(h.draft().lines[0]?.abstract).toBe('提取备用金');
    expect(document.activeElement).toBe(cell(1, '会计科目'));
  });

  test('= fills the balancing difference; live 合计, difference while unbalanced, 大写 when balanced', async () => {
    const user = userEvent.setup();
    const h = renderEditor();
    await typeLine(user, '采购办公用品', 'bgf', '1234.56');
    expect(screen.getByTestId('editor-difference').textContent).toContain('1,234.56');
    expect(screen.getByTestId('editor-total-debit').textContent).toBe('1,234.56');
    await user.click(cell(2, '会计科目'));
    await user.keyboard('yhck{Enter}');
    await user.keyboard('{Tab}=');
    expect(h.draft().lines[1]).toMatchObject({ accountCode: '1002', debit: '', credit: '1234.56' });
    expect(screen.getByTestId('editor-total-credit').textContent).toBe('1,234.56');
    expect(screen.queryByTestId('editor-difference')).toBeNull();
    expect(screen.getByTestId('editor-total-words').textContent).toBe('合计：壹仟贰佰叁拾肆元伍角陆分');
  });

  test('Space moves the amount to the other side', async () => {
    const user = userEvent.setup();
    const h = renderEditor();
    await typeLine(user, '收到货款', '1002', '800');
    await user.keyboard(' ');
    expect(h.draft().lines[0]).toMatchObject({ debit: '', credit: '800' });
    expect(document.activeElement).toBe(cell(1, '贷方金额'));
    await user.keyboard(' ');
    expect(h.draft().lines[0]).toMatchObject({ debit: '800', credit: '' });
  });

  test('a trailing - makes the figure red (negative), and again back', async () => {
    const user = userEvent.setup();
    const h = renderEditor();
    await typeLine(user, '冲回', '1002', '20');
    await user.keyboard('-');
    expect(h.draft().lines[0]?.debit).toBe('-20');
    expect(cell(1, '借方金额').className).toContain('zxe-red');
    expect(screen.getByTestId('editor-total-debit').textContent).toBe('-20.00');
    await user.keyboard('-');
    expect(h.draft().lines[0]?.debit).toBe('20');
  });

  test('.. copies the previous line’s 摘要 and // the first line’s', async () => {
    const user = userEvent.setup();
    const h = renderEditor();
    await user.type(cell(1, '摘要'), '第一行');
    await user.type(cell(2, '摘要'), '第二行');
    await user.type(cell(3, '摘要'), '..');
    expect(h.draft().lines[2]?.abstract).toBe('第二行');
    await user.type(cell(4, '摘要'), '//');
    expect(h.draft().lines[3]?.abstract).toBe('第一行');
  });

  test('Ctrl+S saves, F12 saves and starts anew, PgUp/PgDn navigate, F4 opens templates', async () => {
    const user = userEvent.setup();
    const h = renderEditor();
    await user.click(cell(1, '摘要'));
    await user.keyboard('{Control>}s{/Control}');
    expect(h.actions.onSave).toHaveBeenLastCalledWith('view');
    await user.keyboard('{F12}');
    expect(h.actions.onSave).toHaveBeenLastCalledWith('new');
    await user.keyboard('{PageUp}');
    expect(h.actions.onNavigate).toHaveBeenLastCalledWith(-1);
    await user.keyboard('{PageDown}');
    expect(h.actions.onNavigate).toHaveBeenLastCalledWith(1);
    await user.keyboard('{F4}');
    expect(h.actions.onOpenTemplates).toHaveBeenCalledTimes(1);
  });

  test('typing an amount on one side clears the other; text that is no amount is not taken', async () => {
    const user = userEvent.setup();
    const h = renderEditor();
    await typeLine(user, '报销', '1001', '12');
    await user.keyboard('{Tab}3');
    expect(h.draft().lines[0]).toMatchObject({ debit: '', credit: '3' });
    await user.keyboard('x.456');
    expect(h.draft().lines[0]?.credit).toBe('3.45');
  });

  test('leaving the account cell with an exact leaf code takes it; other text is dropped', async () => {
    const user = userEvent.setup();
    const h = renderEditor();
    await user.click(cell(1, '会计科目'));
    await user.keyboard('1001');
    await user.click(cell(2, '摘要'));
    expect(h.draft().lines[0]?.accountCode).toBe('1001');
    await user.click(cell(2, '会计科目'));
    await user.keyboard('xyz');
    await user.click(cell(1, '摘要'));
    expect(h.draft().lines[1]?.accountCode).toBe('');
    expect(cell(2, '会计科目').value).toBe('');
  });
});
