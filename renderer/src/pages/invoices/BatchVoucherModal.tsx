import { Alert, App, Button, Flex, Input, Modal, Radio, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { InvoiceRecord } from '../../../../shared/api/invoice';
import { voucherCreateRequestSchema } from '../../../../shared/api/voucher';
import { bridge, errorMessage, unwrap } from '../../bridge';
import { formatAmount } from '../vouchers/amountText';
import { useRefreshAfterPosting } from '../vouchers/voucherQueries';
import {
  planVouchers,
  plannedEntries,
  plannedTotals,
  type MergeRule,
  type PlannedVoucher,
} from './mergePlan';
import './invoices.css';

type Outcome = { status: 'created'; voucherNo: string } | { status: 'queued' | 'failed'; message: string };

export interface MergePreviewProps {
  invoices: readonly InvoiceRecord[];
  rule: MergeRule;
  onRule: (rule: MergeRule) => void;
  edits: Record<string, Partial<Pick<PlannedVoucher, 'abstract' | 'date'>>>;
  onEdit: (key: string, edit: Partial<Pick<PlannedVoucher, 'abstract' | 'date'>>) => void;
  outcomes: Record<string, Outcome>;
}

export function applyEdits(
  planned: readonly PlannedVoucher[],
  edits: MergePreviewProps['edits'],
): PlannedVoucher[] {
  return planned.map((v) => {
    const edit = edits[v.key];
    if (!edit) return v;
    const abstract = edit.abstract ?? v.abstract;
    return {
      ...v,
      date: edit.date ?? v.date,
      abstract,
      lines: edit.abstract !== undefined ? v.lines.map((l) => ({ ...l, abstract })) : v.lines,
    };
  });
}

/** The preview of 批量生成凭证: one row per voucher to be made, its 摘要 and date editable. */
export function MergePreview({ invoices, rule, onRule, edits, onEdit, outcomes }: MergePreviewProps) {
  const planned = useMemo(() => applyEdits(planVouchers(invoices, rule), edits), [invoices, rule, edits]);
  return (
    <Flex vertical gap={12}>
      <Radio.Group
        value={rule}
        onChange={(e) => onRule(e.target.value as MergeRule)}
        optionType="button"
        data-testid="merge-rule"
        options={[
          { value: 'per-invoice', label: '每张票据一张凭证' },
          { value: 'per-seller', label: '同一销售方合并为一张凭证' },
        ]}
      />
      <Typography.Text type="secondary" data-testid="merge-summary">
        {`${String(invoices.length)} 张票据 → ${String(planned.length)} 张凭证`}
      </Typography.Text>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={planned}
        data-testid="merge-preview"
        scroll={{ y: 360 }}
        columns={[
          {
            title: '日期',
            dataIndex: 'date',
            width: 140,
            render: (date: string, v) => (
              <Input
                size="small"
                value={date}
                aria-label="凭证日期"
                onChange={(e) => onEdit(v.key, { date: e.target.value })}
              />
            ),
          },
          {
            title: '摘要',
            dataIndex: 'abstract',
            render: (abstract: string, v) => (
              <Input
                size="small"
                value={abstract}
                aria-label="凭证摘要"
                onChange={(e) => onEdit(v.key, { abstract: e.target.value })}
              />
            ),
          },
          {
            title: '分录',
            key: 'lines',
            render: (_: unknown, v) => (
              <Flex vertical>
                {v.lines.map((l, i) => (
                  <Typography.Text key={i} className="zxe-invoice-amount" style={{ fontSize: 12 }}>
                    {l.debitFen ? '借' : '贷'} {l.accountCode} {formatAmount(l.debitFen || l.creditFen)}
                  </Typography.Text>
                ))}
              </Flex>
            ),
          },
          {
            title: '金额',
            key: 'total',
            width: 110,
            align: 'right',
            render: (_: unknown, v) => {
              const t = plannedTotals(v);
              const debitFen = v.lines.reduce((sum, l) => sum + l.debitFen, 0);
              return t.balanced ? (
                <span className="zxe-invoice-amount" data-testid="merge-total">
                  {formatAmount(debitFen)}
                </span>
              ) : (
                <Tag color="error">不平衡</Tag>
              );
            },
          },
          { title: '票据', key: 'n', width: 60, render: (_: unknown, v) => v.invoiceIds.length },
          {
            title: '结果',
            key: 'outcome',
            width: 130,
            render: (_: unknown, v) => {
              const outcome = outcomes[v.key];
              if (!outcome) return null;
              if (outcome.status === 'created') return <Tag color="success">{outcome.voucherNo}</Tag>;
              return (
                <Tag color={outcome.status === 'queued' ? 'processing' : 'error'} title={outcome.message}>
                  {outcome.status === 'queued' ? '待发送' : '失败'}
                </Tag>
              );
            },
          },
        ]}
      />
    </Flex>
  );
}

export interface BatchVoucherModalProps {
  accountSetId: string;
  invoices: readonly InvoiceRecord[];
  onClose: () => void;
}

/** 批量生成凭证: preview with the merge rule, then every voucher posted one after another. */
export function BatchVoucherModal({ accountSetId, invoices, onClose }: BatchVoucherModalProps) {
  const { message } = App.useApp();
  const refresh = useRefreshAfterPosting();
  const [rule, setRule] = useState<MergeRule>('per-invoice');
  const [edits, setEdits] = useState<MergePreviewProps['edits']>({});
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [running, setRunning] = useState(false);
  const started = Object.keys(outcomes).length > 0 && !running;
  const failed = Object.values(outcomes).filter((o) => o.status === 'failed').length;
  // Once every voucher is created or queued there is nothing left to do; failed ones may be retried.
  const done = started && failed === 0;

  async function generate(): Promise<void> {
    setRunning(true);
    const planned = applyEdits(planVouchers(invoices, rule), edits);
    let created = 0;
    for (const v of planned) {
      if (outcomes[v.key]?.status === 'created') continue;
      const request = voucherCreateRequestSchema.safeParse({
        account_id: accountSetId,
        date: v.date,
        entries: plannedEntries(v),
        attachments: v.invoiceIds,
      });
      let outcome: Outcome;
      if (!request.success) {
        outcome = { status: 'failed', message: request.error.issues[0]?.message ?? '凭证不完整' };
      } else {
        try {
          const result = unwrap(await bridge.createVoucher({ voucher: request.data }));
          if (result.status === 'created') {
            created += 1;
            outcome = { status: 'created', voucherNo: result.voucher_no };
          } else outcome = { status: 'queued', message: result.message };
        } catch (error) {
          outcome = { status: 'failed', message: errorMessage(error) };
        }
      }
      setOutcomes((all) => ({ ...all, [v.key]: outcome }));
    }
    setRunning(false);
    refresh();
    void message.success(`已生成 ${String(created)} 张凭证`);
  }

  return (
    <Modal
      open
      width={{ xs: '96%', xl: 1000 }}
      title="批量生成凭证"
      onCancel={onClose}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{started ? '完成' : '取消'}</Button>
          <Button
            type="primary"
            loading={running}
            onClick={() => void generate()}
            data-testid="generate-all"
            disabled={done}
          >
            {started && failed > 0 ? `重试失败的 ${String(failed)} 张` : '全部生成'}
          </Button>
        </Flex>
      }
    >
      {invoices.some((i) => i.duplicate) ? (
        <Alert
          type="warning"
          showIcon
          title="所选票据中有重复票据，请确认后再生成"
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <MergePreview
        invoices={invoices}
        rule={rule}
        onRule={(next) => {
          // After the first 全部生成 the plan is fixed: regrouping would post the same invoices twice.
          if (running || started) return;
          setRule(next);
          setEdits({});
        }}
        edits={edits}
        onEdit={(key, edit) => setEdits((all) => ({ ...all, [key]: { ...all[key], ...edit } }))}
        outcomes={outcomes}
      />
    </Modal>
  );
}
