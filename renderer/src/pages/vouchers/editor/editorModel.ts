import type { VoucherCreateRequest } from '../../../../../shared/api/voucher';
import { voucherCreateRequestSchema } from '../../../../../shared/api/voucher';
import { describeZodError } from '../../../../../shared/api/validation';
import { checkVoucherEntries, type ChartLookup } from '../../../../../shared/ledger/voucher-rules';
import { fenToDecimal, type Fen } from '../../../../../shared/money';
import type { DraftLine, VoucherDraft } from '../../../../../shared/vouchers/voucher-drafts';
import { cellFen, fenToCell } from '../amountText';

/**
 * The voucher editor's rules as pure functions over its lines, so every key of the grid can be
 * tested without a screen. Lines are the draft's cells (text as typed); amounts become integer fen
 * only to compute.
 */

export type EditorLine = DraftLine;
export type AmountSide = 'debit' | 'credit';

export const BLANK_LINE: EditorLine = { abstract: '', accountCode: '', debit: '', credit: '' };

export function isBlankLine(line: EditorLine): boolean {
  return line.abstract.trim() === '' && line.accountCode === '' && line.debit === '' && line.credit === '';
}

/** There is always exactly one blank line at the end (and at least two lines to type into). */
export function withTrailingBlank(lines: readonly EditorLine[]): EditorLine[] {
  const out = [...lines];
  while (
    out.length > 1 &&
    isBlankLine(out[out.length - 1] as EditorLine) &&
    isBlankLine(out[out.length - 2] as EditorLine)
  ) {
    out.pop();
  }
  if (out.length === 0 || !isBlankLine(out[out.length - 1] as EditorLine)) out.push({ ...BLANK_LINE });
  while (out.length < 2) out.push({ ...BLANK_LINE });
  return out;
}

export interface EditorTotals {
  debitFen: Fen;
  creditFen: Fen;
  /** Σdebit − Σcredit */
  differenceFen: Fen;
}

interface LineFen {
  debit: string;
  credit: string;
  debitFen: Fen;
  creditFen: Fen;
}

/**
 * Each line's amounts in fen, kept per line object: a keystroke changes one line and the others
 * keep their objects, so the live 合计 parses one line per key instead of every line. The texts
 * are kept beside the figures and compared, so a line changed in place is parsed again.
 */
const lineFens = new WeakMap<EditorLine, LineFen>();

function fensOf(line: EditorLine): LineFen {
  const known = lineFens.get(line);
  if (known && known.debit === line.debit && known.credit === line.credit) return known;
  const fens: LineFen = {
    debit: line.debit,
    credit: line.credit,
    debitFen: cellFen(line.debit) ?? 0,
    creditFen: cellFen(line.credit) ?? 0,
  };
  lineFens.set(line, fens);
  return fens;
}

export function editorTotals(lines: readonly EditorLine[]): EditorTotals {
  let debitFen = 0;
  let creditFen = 0;
  for (const line of lines) {
    const fens = fensOf(line);
    debitFen += fens.debitFen;
    creditFen += fens.creditFen;
  }
  return { debitFen, creditFen, differenceFen: debitFen - creditFen };
}

function otherSide(side: AmountSide): AmountSide {
  return side === 'debit' ? 'credit' : 'debit';
}

function replaceLine(lines: readonly EditorLine[], index: number, line: EditorLine): EditorLine[] {
  return lines.map((current, i) => (i === index ? line : current));
}

/**
 * `=` in an amount cell: this line takes the amount that balances the voucher. The line's other side
 * is cleared; when the balance needs the other side (this side is already ahead), it goes there.
 */
export function fillBalance(lines: readonly EditorLine[], index: number, side: AmountSide): EditorLine[] {
  const line = lines[index];
  if (!line) return [...lines];
  const cleared: EditorLine = { ...line, debit: '', credit: '' };
  const rest = editorTotals(replaceLine(lines, index, cleared));
  // What this line must add on the debit side for Σdebit = Σcredit.
  const debitNeeded = rest.creditFen - rest.debitFen;
  if (debitNeeded === 0) return replaceLine(lines, index, cleared);
  const amountSide: AmountSide =
    side === 'debit' ? (debitNeeded > 0 ? 'debit' : 'credit') : debitNeeded < 0 ? 'credit' : 'debit';
  const fen = Math.abs(debitNeeded);
  return replaceLine(lines, index, { ...cleared, [amountSide]: fenToCell(fen) });
}

/** Space in an amount cell: the line's amount moves to the other side (借 ↔ 贷). */
export function swapSides(lines: readonly EditorLine[], index: number): EditorLine[] {
  const line = lines[index];
  if (!line) return [...lines];
  return replaceLine(lines, index, { ...line, debit: line.credit, credit: line.debit });
}

/** Moving down from a line: the next line's empty 摘要 takes this one's (carried down). */
export function carryAbstractDown(lines: readonly EditorLine[], fromIndex: number): EditorLine[] {
  const from = lines[fromIndex];
  const next = lines[fromIndex + 1];
  if (!from || !next || next.abstract !== '' || from.abstract === '') return [...lines];
  return replaceLine(lines, fromIndex + 1, { ...next, abstract: from.abstract });
}

/** `..` copies the previous line's 摘要, `//` the first line's; anything else is kept as typed. */
export function expandAbstractShortcut(lines: readonly EditorLine[], index: number, typed: string): string {
  if (typed.endsWith('..') && index > 0) {
    return lines[index - 1]?.abstract ?? typed;
  }
  if (typed.endsWith('//') && index > 0) {
    return lines[0]?.abstract ?? typed;
  }
  return typed;
}

/** A line the voucher will post: everything but the trailing blank ones. */
export function filledLines(lines: readonly EditorLine[]): EditorLine[] {
  return lines.filter((line) => !isBlankLine(line));
}

export interface EditorProblem {
  message: string;
  /** 0-based line the problem is on, when it is about one line. */
  line?: number;
}

/** `entries[1].account_code 不存在` → `第2行科目不存在`: the engine's rule text, with the user's line numbers. */
export function humanizeProblem(message: string): string {
  return message
    .replace(/^参数错误：/, '')
    .replace(/entries\[(\d+)\]\.?(\w*)\s?/g, (_all, index: string, field: string) => {
      const label =
        field === 'account_code'
          ? '科目'
          : field === 'abstract'
            ? '摘要'
            : field === 'debit'
              ? '借方金额'
              : field === 'credit'
                ? '贷方金额'
                : '';
      return `第${String(Number(index) + 1)}行${label}`;
    })
    .replace(/(第\d+行)(摘要|科目|借方金额|贷方金额)\2/g, '$1$2')
    .replace(/^entries\s?/, '');
}

function lineOf(message: string): number | undefined {
  const match = /entries\[(\d+)\]/.exec(message);
  return match ? Number(match[1]) : undefined;
}

/**
 * The request voucher/create would get, or the first reasons it would be refused: the engine's shape
 * schema and its bookkeeping rules (`checkVoucherEntries`), the same code the engine runs.
 */
export function toCreateRequest(
  accountSetId: string,
  draft: VoucherDraft,
  chart: ChartLookup | undefined,
): { request: VoucherCreateRequest; problems: EditorProblem[] } {
  const lines = filledLines(draft.lines);
  const problems: EditorProblem[] = [];
  const entries = lines.map((line, index) => {
    const debit = cellFen(line.debit);
    const credit = cellFen(line.credit);
    if (debit === undefined || credit === undefined) {
      problems.push({ message: `第${String(index + 1)}行金额格式不正确`, line: index });
    }
    return {
      abstract: line.abstract,
      account_code: line.accountCode,
      debit: fenToDecimal(debit ?? 0),
      credit: fenToDecimal(credit ?? 0),
    };
  });
  const request: VoucherCreateRequest = {
    account_id: accountSetId,
    date: draft.date,
    entries,
    ...(draft.attachments.length > 0 ? { attachments: draft.attachments } : {}),
  };
  if (problems.length > 0) return { request, problems };
  const shape = voucherCreateRequestSchema.safeParse(request);
  if (!shape.success) {
    const message = describeZodError(shape.error);
    if (/entries\[\d+\]\.(debit|credit) 不能为负数/.test(message)) {
      return {
        request,
        problems: [
          {
            message: `${humanizeProblem(message)}：红字金额只能通过「红字冲销」生成`,
            line: lineOf(message),
          },
        ],
      };
    }
    return { request, problems: [{ message: humanizeProblem(message), line: lineOf(message) }] };
  }
  for (const problem of checkVoucherEntries(shape.data.entries, chart)) {
    problems.push({ message: humanizeProblem(problem.message), line: lineOf(problem.field) });
  }
  return { request: shape.data, problems };
}

export function emptyDraft(date: string): VoucherDraft {
  return { date, attachmentCount: 0, attachments: [], lines: withTrailingBlank([]) };
}

export function otherAmountSide(side: AmountSide): AmountSide {
  return otherSide(side);
}
