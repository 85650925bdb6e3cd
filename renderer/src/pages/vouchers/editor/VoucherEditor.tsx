import { Alert, DatePicker, Flex, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type KeyboardEvent,
} from 'react';
import type { VoucherDraft } from '../../../../../shared/vouchers/voucher-drafts';
import { cellFen, cleanAmountInput, formatAmount, toggleNegative } from '../amountText';
import type { Fen } from '../../../../../shared/money';
import { fenToCapital } from '../capitalAmount';
import '../vouchers.css';
import { accountLabel, searchAccounts, type AccountIndex, type IndexedAccount } from './accountIndex';
import {
  carryAbstractDown,
  editorTotals,
  expandAbstractShortcut,
  fillBalance,
  swapSides,
  withTrailingBlank,
  type AmountSide,
  type EditorLine,
  type EditorProblem,
} from './editorModel';
import { PickerList } from './PickerList';

/** Columns of the grid, in Enter / Tab order. */
const COLUMNS = ['abstract', 'account', 'debit', 'credit'] as const;
type Column = (typeof COLUMNS)[number];

export interface CellAddress {
  row: number;
  col: number;
}

/** What the editor asks its page to do; every key of the grid that is not about one cell lands here. */
export interface VoucherEditorActions {
  /** Ctrl+S (`then: 'view'`) and F12 (`then: 'new'`). */
  onSave: (then: 'view' | 'new') => void;
  /** PgUp (-1) / PgDn (+1). */
  onNavigate: (step: -1 | 1) => void;
  /** F4 */
  onOpenTemplates: () => void;
}

export interface VoucherEditorProps extends VoucherEditorActions {
  draft: VoucherDraft;
  onChange: (draft: VoucherDraft) => void;
  accounts: AccountIndex | undefined;
  /** The number the engine will give this voucher (shown, assigned on save). */
  nextNumber: number | undefined;
  /** Why the date is refused (a closed period), at once. */
  dateProblem: string | undefined;
  problems: readonly EditorProblem[];
  /** 摘要 offered by F7 / F2 in a 摘要 cell (recent and template abstracts). */
  abstractSuggestions: readonly string[];
  disabled?: boolean;
  /** Bumped by the page to put the cursor back into the first 摘要 cell. */
  focusRequest?: number;
}

interface PickerState {
  row: number;
  kind: 'account' | 'abstract';
  query: string;
  active: number;
}

/**
 * The keyboard-first 记账凭证 grid. Keys (the bookkeepers' common set): Enter / Tab next cell and at
 * a row's end the next row with 摘要 carried down; `=` fills the balancing amount; Space moves an
 * amount to the other side; a trailing `-` makes it red; `..` / `//` copy the previous / first
 * line's 摘要; F7 or F2 opens the account (or 摘要) picker; Ctrl+S saves, F12 saves and starts a new
 * voucher; PgUp / PgDn go to the previous / next voucher; F4 opens the templates.
 */
export function VoucherEditor(props: VoucherEditorProps) {
  const { draft, onChange, accounts, nextNumber, dateProblem, problems, abstractSuggestions, disabled } =
    props;
  const focusRequest = props.focusRequest ?? 0;
  const lines = draft.lines;
  const [focused, setFocused] = useState<CellAddress | undefined>();
  const [picker, setPicker] = useState<PickerState | undefined>();
  const cells = useRef(new Map<string, HTMLInputElement>());
  const pendingFocus = useRef<CellAddress | undefined>(undefined);

  // Latest values for the stable handlers below (rows are memoised; handlers must not change).
  const latest = useRef({ draft, onChange, props, picker, accounts, abstractSuggestions });
  useLayoutEffect(() => {
    latest.current = { draft, onChange, props, picker, accounts, abstractSuggestions };
  });

  const totals = useMemo(() => editorTotals(lines), [lines]);
  const problemLines = useMemo(
    () => new Set(problems.flatMap((p) => (p.line === undefined ? [] : [p.line]))),
    [problems],
  );

  const pickerItems = useMemo((): { accounts: IndexedAccount[]; abstracts: string[] } => {
    if (!picker) return { accounts: [], abstracts: [] };
    if (picker.kind === 'account')
      return { accounts: accounts ? searchAccounts(accounts, picker.query) : [], abstracts: [] };
    const q = picker.query.trim();
    return { accounts: [], abstracts: abstractSuggestions.filter((a) => a.includes(q)).slice(0, 50) };
  }, [picker, accounts, abstractSuggestions]);
  const pickerRef = useRef(pickerItems);
  useLayoutEffect(() => {
    pickerRef.current = pickerItems;
  });

  // The keyboard starts in the first 摘要 cell.
  useEffect(() => {
    cells.current.get('0:0')?.focus();
  }, []);

  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = undefined;
    const input = cells.current.get(`${String(target.row)}:${String(target.col)}`);
    if (input) {
      input.focus();
      input.select();
    }
  });

  /** Closed at once for the handlers too, not only at the next render (a blur follows a pick). */
  const closePicker = useCallback(() => {
    latest.current.picker = undefined;
    setPicker(undefined);
  }, []);

  const setLines = useCallback((next: EditorLine[]) => {
    const { draft: current, onChange: change } = latest.current;
    change({ ...current, lines: withTrailingBlank(next) });
  }, []);

  const focusCell = useCallback((address: CellAddress) => {
    pendingFocus.current = address;
    const input = cells.current.get(`${String(address.row)}:${String(address.col)}`);
    if (input) {
      pendingFocus.current = undefined;
      input.focus();
      input.select();
    }
  }, []);

  /** Enter / Tab: next cell; after 贷方金额 the next line's 摘要, carrying this 摘要 down. */
  const moveNext = useCallback(
    (from: CellAddress, linesNow: EditorLine[]) => {
      if (from.col < COLUMNS.length - 1) {
        if (linesNow !== latest.current.draft.lines) setLines(linesNow);
        focusCell({ row: from.row, col: from.col + 1 });
        return;
      }
      const padded = withTrailingBlank(linesNow);
      const withNext =
        from.row + 1 < padded.length
          ? padded
          : [...padded, { abstract: '', accountCode: '', debit: '', credit: '' }];
      setLines(carryAbstractDown(withNext, from.row));
      focusCell({ row: from.row + 1, col: 0 });
    },
    [focusCell, setLines],
  );

  const movePrevious = useCallback(
    (from: CellAddress) => {
      if (from.col > 0) focusCell({ row: from.row, col: from.col - 1 });
      else if (from.row > 0) focusCell({ row: from.row - 1, col: COLUMNS.length - 1 });
    },
    [focusCell],
  );

  const chooseAccount = useCallback(
    (row: number, account: IndexedAccount | undefined, advance: boolean) => {
      const current = latest.current.draft.lines;
      closePicker();
      if (!account) return;
      const next = current.map((line, i) => (i === row ? { ...line, accountCode: account.code } : line));
      if (advance) moveNext({ row, col: 1 }, next);
      else setLines(next);
    },
    [closePicker, moveNext, setLines],
  );

  const chooseAbstract = useCallback(
    (row: number, text: string | undefined, advance: boolean) => {
      const current = latest.current.draft.lines;
      closePicker();
      if (text === undefined) return;
      const next = current.map((line, i) => (i === row ? { ...line, abstract: text } : line));
      if (advance) moveNext({ row, col: 0 }, next);
      else setLines(next);
    },
    [closePicker, moveNext, setLines],
  );

  const onCellChange = useCallback(
    (row: number, column: Column, value: string) => {
      const current = latest.current.draft.lines;
      const line = current[row];
      if (!line) return;
      if (column === 'abstract') {
        const text = expandAbstractShortcut(current, row, value).slice(0, 200);
        setLines(current.map((l, i) => (i === row ? { ...l, abstract: text } : l)));
        if (latest.current.picker?.kind === 'abstract')
          setPicker({ row, kind: 'abstract', query: text, active: 0 });
        return;
      }
      if (column === 'account') {
        setPicker({ row, kind: 'account', query: value.slice(0, 40), active: 0 });
        return;
      }
      const cleaned = cleanAmountInput(value);
      if (cleaned === undefined) return;
      const other: AmountSide = column === 'debit' ? 'credit' : 'debit';
      // One side per line: typing an amount on one side clears the other.
      const patch = cleaned === '' ? { [column]: '' } : { [column]: cleaned, [other]: '' };
      setLines(current.map((l, i) => (i === row ? { ...l, ...patch } : l)));
    },
    [setLines],
  );

  const onCellKeyDown = useCallback(
    (row: number, col: number, event: KeyboardEvent<HTMLInputElement>) => {
      const column = COLUMNS[col] as Column;
      const current = latest.current.draft.lines;
      const line = current[row];
      const openPicker = latest.current.picker;
      const items = pickerRef.current;
      const pickerHere =
        openPicker?.row === row &&
        ((column === 'account' && openPicker.kind === 'account') ||
          (column === 'abstract' && openPicker.kind === 'abstract'));
      const count = pickerHere
        ? openPicker.kind === 'account'
          ? items.accounts.length
          : items.abstracts.length
        : 0;

      if (pickerHere) {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          if (count === 0) return;
          const delta = event.key === 'ArrowDown' ? 1 : -1;
          setPicker({ ...openPicker, active: (openPicker.active + delta + count) % count });
          return;
        }
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          closePicker();
          return;
        }
        if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey) {
          event.preventDefault();
          if (openPicker.kind === 'account') chooseAccount(row, items.accounts[openPicker.active], true);
          else chooseAbstract(row, items.abstracts[openPicker.active], true);
          return;
        }
      }

      if (event.key === 'F7' || event.key === 'F2') {
        event.preventDefault();
        if (column === 'account') setPicker({ row, kind: 'account', query: '', active: 0 });
        if (column === 'abstract') setPicker({ row, kind: 'abstract', query: '', active: 0 });
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        if (event.shiftKey) movePrevious({ row, col });
        else moveNext({ row, col }, current);
        return;
      }
      if (column === 'account' && event.key === 'Escape') {
        closePicker();
        return;
      }
      if (!line || (column !== 'debit' && column !== 'credit')) return;
      if (event.key === '=') {
        event.preventDefault();
        const next = fillBalance(current, row, column);
        setLines(next);
        const filled = next[row];
        if (filled && filled[column] === '' && filled[column === 'debit' ? 'credit' : 'debit'] !== '') {
          focusCell({ row, col: column === 'debit' ? 3 : 2 });
        }
        return;
      }
      if (event.key === ' ') {
        event.preventDefault();
        setLines(swapSides(current, row));
        focusCell({ row, col: column === 'debit' ? 3 : 2 });
        return;
      }
      if (event.key === '-') {
        const input = event.currentTarget;
        const text = line[column];
        const atEnd =
          input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
        if (text !== '' && text !== '-' && atEnd) {
          event.preventDefault();
          setLines(current.map((l, i) => (i === row ? { ...l, [column]: toggleNegative(text) } : l)));
        }
      }
    },
    [chooseAbstract, chooseAccount, closePicker, focusCell, moveNext, movePrevious, setLines],
  );

  const chooseAccountRef = useRef(chooseAccount);
  useLayoutEffect(() => {
    chooseAccountRef.current = chooseAccount;
  });

  const onCellFocus = useCallback((row: number, col: number) => setFocused({ row, col }), []);
  const onCellBlur = useCallback(
    (row: number, col: number) => {
      setFocused((f) => (f?.row === row && f.col === col ? undefined : f));
      const open = latest.current.picker;
      if (open?.row === row && COLUMNS[col] === (open.kind === 'account' ? 'account' : 'abstract')) {
        // Leaving without choosing keeps what was there — unless the text is exactly a leaf's code.
        const exact =
          open.kind === 'account' ? latest.current.accounts?.byCode.get(open.query.trim()) : undefined;
        if (exact?.isLeaf) chooseAccountRef.current(row, exact, false);
        else closePicker();
      }
    },
    [closePicker],
  );
  const registerCell = useCallback((row: number, col: number, node: HTMLInputElement | null) => {
    const key = `${String(row)}:${String(col)}`;
    if (node) cells.current.set(key, node);
    else cells.current.delete(key);
  }, []);

  const onDate = useCallback((date: string) => {
    latest.current.onChange({ ...latest.current.draft, date });
  }, []);
  const onAttachmentCount = useCallback((attachmentCount: number) => {
    latest.current.onChange({ ...latest.current.draft, attachmentCount });
  }, []);

  // The voucher-wide keys work wherever the focus is on the page (after a dialog closes, on a
  // button), not only inside the grid; a dialog on top keeps its own keys.
  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent): void {
      const save = (event.ctrlKey || event.metaKey) && (event.key === 's' || event.key === 'S');
      const page = event.key === 'PageUp' || event.key === 'PageDown';
      // Only these keys look for an open dialog: typing into a cell queries no DOM.
      if (!save && !page && event.key !== 'F12' && event.key !== 'F4') return;
      if (event.defaultPrevented || document.querySelector('.ant-modal-wrap:not([style*="display: none"])'))
        return;
      const { props: p } = latest.current;
      event.preventDefault();
      if (save) p.onSave('view');
      else if (event.key === 'F12') p.onSave('new');
      else if (page) p.onNavigate(event.key === 'PageUp' ? -1 : 1);
      else p.onOpenTemplates();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The page asks for the first cell again (a template was applied, a new voucher started).
  useEffect(() => {
    if (focusRequest > 0) focusCell({ row: 0, col: 0 });
  }, [focusRequest, focusCell]);

  return (
    <div data-testid="voucher-editor">
      <EditorHeader
        date={draft.date}
        attachmentCount={draft.attachmentCount}
        nextNumber={nextNumber}
        dateProblem={dateProblem}
        disabled={disabled}
        onDate={onDate}
        onAttachmentCount={onAttachmentCount}
      />
      <table className="zxe-voucher-grid" role="grid" aria-label="分录">
        <colgroup>
          <col className="zxe-col-line" />
          <col className="zxe-col-abstract" />
          <col className="zxe-col-account" />
          <col className="zxe-col-amount" />
          <col className="zxe-col-amount" />
        </colgroup>
        <thead>
          <tr>
            <th>#</th>
            <th>摘要</th>
            <th>会计科目</th>
            <th>借方金额</th>
            <th>贷方金额</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, row) => (
            <EditorRow
              key={row}
              row={row}
              line={line}
              focusedCol={focused?.row === row ? focused.col : undefined}
              accountText={accountLabel(accounts?.byCode.get(line.accountCode), line.accountCode)}
              pickerQuery={picker?.row === row && picker.kind === 'account' ? picker.query : undefined}
              hasProblem={problemLines.has(row)}
              disabled={disabled}
              onChange={onCellChange}
              onKeyDown={onCellKeyDown}
              onFocus={onCellFocus}
              onBlur={onCellBlur}
              register={registerCell}
              picker={
                picker?.row === row ? (
                  picker.kind === 'account' ? (
                    <PickerList
                      id={`account-picker-${String(row)}`}
                      testId="account-picker"
                      items={pickerItems.accounts}
                      active={picker.active}
                      itemKey={(a) => a.code}
                      render={(a) => (
                        <>
                          <span className="zxe-picker-code">{a.code}</span> {a.fullName}
                        </>
                      )}
                      onPick={(index) => chooseAccount(row, pickerItems.accounts[index], true)}
                      empty="没有匹配的末级科目"
                      footer="＋ 新增科目（暂不支持：请在引擎的科目表中添加）"
                    />
                  ) : (
                    <PickerList
                      id={`abstract-picker-${String(row)}`}
                      testId="abstract-picker"
                      items={pickerItems.abstracts}
                      active={picker.active}
                      itemKey={(a) => a}
                      render={(a) => a}
                      onPick={(index) => chooseAbstract(row, pickerItems.abstracts[index], true)}
                      empty="没有常用摘要"
                    />
                  )
                ) : undefined
              }
              pickerKind={picker?.row === row ? picker.kind : undefined}
            />
          ))}
        </tbody>
        <EditorFooter debitFen={totals.debitFen} creditFen={totals.creditFen} />
      </table>
    </div>
  );
}

interface EditorHeaderProps {
  date: string;
  attachmentCount: number;
  nextNumber: number | undefined;
  dateProblem: string | undefined;
  disabled: boolean | undefined;
  onDate: (date: string) => void;
  onAttachmentCount: (count: number) => void;
}

/** 记字第 N 号 · 日期 · 附单据 N 张; memoised: typing in the grid does not re-render the date picker. */
const EditorHeader = memo(function EditorHeader(props: EditorHeaderProps) {
  const { date, attachmentCount, nextNumber, dateProblem, disabled, onDate, onAttachmentCount } = props;
  const value = date === '' ? null : dayjs(date);
  return (
    <>
      <h1 className="zxe-voucher-title">记账凭证</h1>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Typography.Text strong data-testid="editor-number">
          记字第 {nextNumber ?? '—'} 号
        </Typography.Text>
        <Flex align="center" gap={8}>
          <span>日期</span>
          <DatePicker
            value={value}
            format="YYYY-MM-DD"
            allowClear={false}
            status={dateProblem ? 'error' : undefined}
            onChange={(picked: Dayjs | null) => {
              if (picked) onDate(picked.format('YYYY-MM-DD'));
            }}
            aria-label="凭证日期"
            data-testid="editor-date"
            disabled={disabled}
          />
        </Flex>
        <Flex align="center" gap={8}>
          <span>附单据</span>
          <InputNumber
            min={0}
            max={9999}
            precision={0}
            value={attachmentCount}
            onChange={(count) => onAttachmentCount(typeof count === 'number' ? count : 0)}
            style={{ width: 80 }}
            aria-label="附单据张数"
            disabled={disabled}
          />
          <span>张</span>
        </Flex>
      </Flex>
      {dateProblem ? (
        <Alert
          type="error"
          showIcon
          title={dateProblem}
          style={{ marginBottom: 12 }}
          data-testid="date-problem"
        />
      ) : null}
    </>
  );
});

const DIFFERENCE_STYLE = { color: '#ff4d4f' } as const;

/**
 * 合计 (大写 when balanced, else the difference); memoised on the two sums, so a key in a 摘要 or
 * 科目 cell does not render it, and 大写 is worked out only when a sum changes.
 */
const EditorFooter = memo(function EditorFooter({ debitFen, creditFen }: { debitFen: Fen; creditFen: Fen }) {
  const differenceFen = debitFen - creditFen;
  return (
    <tfoot>
      <tr>
        <td />
        <td colSpan={2} data-testid="editor-total-words">
          {differenceFen === 0 ? (
            <>合计：{fenToCapital(debitFen)}</>
          ) : (
            // A plain span in antd's error colour, not Typography (a handful of components per key).
            <span style={DIFFERENCE_STYLE} data-testid="editor-difference">
              借贷不平衡，差额 {formatAmount(Math.abs(differenceFen))}（
              {differenceFen > 0 ? '借方多' : '贷方多'}）
            </span>
          )}
        </td>
        <td className="zxe-amount" data-testid="editor-total-debit">
          {formatAmount(debitFen) || '0.00'}
        </td>
        <td className="zxe-amount" data-testid="editor-total-credit">
          {formatAmount(creditFen) || '0.00'}
        </td>
      </tr>
    </tfoot>
  );
});

interface EditorRowProps {
  row: number;
  line: EditorLine;
  focusedCol: number | undefined;
  accountText: string;
  /** What is typed in the account cell while its picker is open. */
  pickerQuery: string | undefined;
  pickerKind: PickerState['kind'] | undefined;
  picker: React.ReactNode;
  hasProblem: boolean;
  disabled: boolean | undefined;
  onChange: (row: number, column: Column, value: string) => void;
  onKeyDown: (row: number, col: number, event: KeyboardEvent<HTMLInputElement>) => void;
  onFocus: (row: number, col: number) => void;
  onBlur: (row: number, col: number) => void;
  register: (row: number, col: number, node: HTMLInputElement | null) => void;
}

function amountShown(text: string, editing: boolean): string {
  if (editing) return text;
  const fen = cellFen(text);
  return fen === undefined ? text : formatAmount(fen);
}

/** One line of the grid; memoised so a keystroke repaints only its own line. */
const EditorRow = memo(function EditorRow(props: EditorRowProps) {
  const { row, line, focusedCol, accountText, pickerQuery, pickerKind, picker, hasProblem, disabled } = props;
  const { register, onKeyDown, onFocus, onBlur, onChange } = props;
  const cellClass = (extra = '') => `zxe-cell-input${extra}${hasProblem ? ' zxe-cell-problem' : ''}`;
  // The cells' handlers are made once per line: re-rendering a line does not detach and re-attach refs.
  const handlers = useMemo(
    () =>
      COLUMNS.map((column, col) => ({
        ref: (node: HTMLInputElement | null) => register(row, col, node),
        onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => onKeyDown(row, col, event),
        onFocus: () => onFocus(row, col),
        onBlur: () => onBlur(row, col),
        onChange: (event: ChangeEvent<HTMLInputElement>) => onChange(row, column, event.target.value),
      })),
    [row, register, onKeyDown, onFocus, onBlur, onChange],
  );
  const common = (col: number) => ({ ...handlers[col], disabled, autoComplete: 'off' });
  const red = (text: string) => (text.startsWith('-') ? ' zxe-red' : '');
  return (
    <tr data-testid="editor-row">
      <td style={{ textAlign: 'center', color: '#8c8c8c' }}>{row + 1}</td>
      <td className="zxe-account-cell">
        <input
          {...common(0)}
          className={cellClass()}
          value={line.abstract}
          aria-label={`第${String(row + 1)}行摘要`}
          aria-expanded={pickerKind === 'abstract'}
        />
        {pickerKind === 'abstract' ? picker : null}
      </td>
      <td className="zxe-account-cell">
        <input
          {...common(1)}
          className={cellClass()}
          value={pickerQuery ?? accountText}
          aria-label={`第${String(row + 1)}行会计科目`}
          role="combobox"
          aria-expanded={pickerKind === 'account'}
          aria-controls={`account-picker-${String(row)}`}
          placeholder={focusedCol === 1 ? '编码、名称或拼音首字母（F7）' : undefined}
        />
        {pickerKind === 'account' ? picker : null}
      </td>
      <td>
        <input
          {...common(2)}
          className={cellClass(` zxe-amount${red(line.debit)}`)}
          value={amountShown(line.debit, focusedCol === 2)}
          inputMode="decimal"
          aria-label={`第${String(row + 1)}行借方金额`}
        />
      </td>
      <td>
        <input
          {...common(3)}
          className={cellClass(` zxe-amount${red(line.credit)}`)}
          value={amountShown(line.credit, focusedCol === 3)}
          inputMode="decimal"
          aria-label={`第${String(row + 1)}行贷方金额`}
        />
      </td>
    </tr>
  );
});
