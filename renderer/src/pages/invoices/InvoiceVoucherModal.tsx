import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Modal, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { InvoiceRecord } from '../../../../shared/api/invoice';
import type { VoucherDraft } from '../../../../shared/vouchers/voucher-drafts';
import { bridge, errorMessage, unwrap } from '../../bridge';
import { navigateTo } from '../../navigation/hashNavigation';
import { toCreateRequest, withTrailingBlank, type EditorProblem } from '../vouchers/editor/editorModel';
import { VoucherEditor } from '../vouchers/editor/VoucherEditor';
import { useChart, usePeriods, useRefreshAfterPosting } from '../vouchers/voucherQueries';
import { closedPeriodMessage, nextVoucherNumber } from '../vouchers/voucherStatus';
import { learnedExpenseAccount } from './learnedAccount';

function draftFromInvoice(invoice: InvoiceRecord, fallbackDate: string): VoucherDraft {
  return {
    date: invoice.issue_date ?? fallbackDate,
    attachmentCount: 1,
    attachments: [invoice.invoice_id],
    lines: withTrailingBlank(
      invoice.entries.map((e) => ({
        abstract: e.abstract,
        accountCode: e.account_code,
        debit: e.debit ? e.debit.toFixed(2) : '',
        credit: e.credit ? e.credit.toFixed(2) : '',
      })),
    ),
  };
}

export interface InvoiceVoucherModalProps {
  accountSetId: string;
  invoice: InvoiceRecord;
  fallbackDate: string;
  onClose: () => void;
  onSaved: (voucherNo: string | undefined, learned: string | undefined) => void;
}

/** 生成凭证: the voucher editor prefilled with the invoice's entries, the invoice attached. */
export function InvoiceVoucherModal({
  accountSetId,
  invoice,
  fallbackDate,
  onClose,
  onSaved,
}: InvoiceVoucherModalProps) {
  const { message } = App.useApp();
  const chart = useChart(accountSetId);
  const periods = usePeriods(accountSetId);
  const refresh = useRefreshAfterPosting();
  const [draft, setDraft] = useState(() => draftFromInvoice(invoice, fallbackDate));
  const [problems, setProblems] = useState<EditorProblem[]>([]);
  const [engineError, setEngineError] = useState<string | undefined>();
  const dateProblem = closedPeriodMessage(draft.date, periods.data);
  const learned = learnedExpenseAccount(invoice, draft.lines);
  const learnedName = learned ? (chart.chart?.index.byCode.get(learned)?.name ?? learned) : undefined;
  const save = useMutation({
    mutationFn: async (voucher: ReturnType<typeof toCreateRequest>['request']) =>
      unwrap(await bridge.createVoucher({ voucher })),
  });
  const abstracts = useMemo(() => invoice.entries.map((e) => e.abstract), [invoice]);

  function submit(): void {
    if (save.isPending) return;
    const plan = toCreateRequest(accountSetId, draft, chart.chart?.lookup);
    const all = dateProblem ? [{ message: dateProblem }, ...plan.problems] : plan.problems;
    setProblems(all);
    if (all.length > 0) return;
    save.mutate(plan.request, {
      onSuccess: (result) => {
        refresh();
        const seller = invoice.seller.name ?? '销售方';
        if (result.status === 'created') {
          void message.success(`已生成 ${result.voucher_no}`);
          const remembered = learnedName ? `已记住：${seller} → ${learnedName}` : undefined;
          if (remembered) void message.info(remembered, 6);
          onSaved(result.voucher_no, remembered);
        } else {
          void message.warning(result.message);
          onSaved(undefined, undefined);
        }
      },
      onError: (error) => setEngineError(errorMessage(error)),
    });
  }

  return (
    <Modal
      open
      width={980}
      title={`生成凭证 · ${invoice.seller.name ?? invoice.category}`}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary">Ctrl+S 保存 · F7 选科目 · = 找平</Typography.Text>
          <Flex gap={8}>
            <Button onClick={onClose}>取消</Button>
            <Button
              type="primary"
              onClick={submit}
              loading={save.isPending}
              data-testid="save-invoice-voucher"
            >
              保存凭证
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Flex vertical gap={8}>
        {learnedName ? (
          <Alert
            type="info"
            showIcon
            data-testid="will-learn"
            title={`保存后记住：${invoice.seller.name ?? '该销售方'} → ${learnedName}`}
          />
        ) : null}
        <div className="zxe-voucher-paper">
          <VoucherEditor
            draft={draft}
            onChange={(next) => {
              setEngineError(undefined);
              setDraft(next);
            }}
            accounts={chart.chart?.index}
            nextNumber={nextVoucherNumber(draft.date, periods.data)}
            dateProblem={dateProblem}
            problems={problems}
            abstractSuggestions={abstracts}
            onSave={submit}
            onNavigate={() => undefined}
            onOpenTemplates={() => undefined}
          />
        </div>
        {problems.length > 0 ? (
          <Alert
            type="error"
            showIcon
            title="凭证还不能保存"
            description={problems.slice(0, 6).map((p, i) => (
              <div key={i}>{p.message}</div>
            ))}
          />
        ) : null}
        {engineError ? <Alert type="error" showIcon title={engineError} data-testid="engine-error" /> : null}
        <Button type="link" style={{ alignSelf: 'flex-start' }} onClick={() => navigateTo('vouchers')}>
          去凭证列表
        </Button>
      </Flex>
    </Modal>
  );
}
