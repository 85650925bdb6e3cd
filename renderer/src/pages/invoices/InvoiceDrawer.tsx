import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Flex, Grid, Input, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { InvoiceRecord } from '../../../../shared/api/invoice';
import { bridge, errorMessage, unwrap } from '../../bridge';
import { CacheSourceTag } from '../accounts/CacheSourceTag';
import { navigateTo } from '../../navigation/hashNavigation';
import {
  categoryReasonText,
  fieldConfidence,
  invoiceFieldRows,
  invoiceListAmount,
  isLowConfidence,
} from './invoiceFields';
import { InvoiceOriginal } from './InvoiceOriginal';
import { InvoiceVoucherModal } from './InvoiceVoucherModal';

export interface InvoiceDrawerProps {
  accountSetId: string;
  invoiceId: string;
  fallbackDate: string;
  voucher: { voucherId: string; voucherNo: string } | undefined;
  onClose: () => void;
}

function EditableFields({ invoice }: { invoice: InvoiceRecord }) {
  const rows = invoiceFieldRows(invoice);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(rows.map((r) => [r.key, r.value])),
  );
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      data-testid="invoice-fields"
      items={rows.map((row) => {
        const value = values[row.key] ?? '';
        const low = isLowConfidence(invoice, row.key, value);
        const confidence = fieldConfidence(invoice, row.key);
        return {
          key: row.key,
          label: row.label,
          children: (
            <Flex gap={6} align="center">
              <Input
                size="small"
                value={value}
                status={low ? 'warning' : undefined}
                data-testid={`field-${row.key}`}
                data-low-confidence={low ? 'true' : undefined}
                style={low ? { background: '#fffbe6' } : undefined}
                onChange={(e) => setValues((v) => ({ ...v, [row.key]: e.target.value }))}
              />
              {low ? (
                <Tag
                  color="warning"
                  title={confidence === undefined ? '未识别' : `置信度 ${confidence.toFixed(2)}`}
                >
                  {confidence === undefined ? '未识别' : '请核对'}
                </Tag>
              ) : null}
            </Flex>
          ),
        };
      })}
    />
  );
}

/** One invoice: the original on the left, the fields, checks, suggested category and entries on the right. */
export function InvoiceDrawer({
  accountSetId,
  invoiceId,
  fallbackDate,
  voucher,
  onClose,
}: InvoiceDrawerProps) {
  const screens = Grid.useBreakpoint();
  const wide = screens.xl ?? false;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<{ voucherNo?: string; learned?: string } | undefined>();
  const invoice = useQuery({
    queryKey: ['invoices', 'one', invoiceId],
    queryFn: async () => unwrap(await bridge.getInvoice({ invoiceId })),
  });
  const data = invoice.data;
  const voucherNo = voucher?.voucherNo ?? saved?.voucherNo;

  return (
    <Drawer
      open
      onClose={onClose}
      size={wide ? 1100 : '96%'}
      title={data ? `${data.seller.name ?? data.category} · ¥${invoiceListAmount(data.amount)}` : '票据'}
      data-testid="invoice-drawer"
      extra={
        data ? (
          voucherNo ? (
            <Button
              onClick={() => (voucher ? navigateTo('vouchers', voucher.voucherId) : navigateTo('vouchers'))}
            >
              已生成 {voucherNo}
            </Button>
          ) : (
            <Button type="primary" onClick={() => setEditing(true)} data-testid="generate-voucher">
              生成凭证
            </Button>
          )
        ) : null
      }
    >
      {invoice.isPending ? <Spin /> : null}
      {data?.cachedAt ? <CacheSourceTag fetchedAt={data.cachedAt} /> : null}
      {invoice.isError ? <Alert type="error" showIcon title={errorMessage(invoice.error)} /> : null}
      {data ? (
        <Flex gap={16} vertical={!wide}>
          <div style={{ flex: '0 0 auto', width: wide ? 560 : '100%' }}>
            <InvoiceOriginal invoiceId={data.invoice_id} page={data.page} width={wide ? 560 : 520} />
          </div>
          <Flex vertical gap={12} style={{ flex: 1, minWidth: 0 }}>
            {saved?.learned ? (
              <Alert type="success" showIcon title={saved.learned} data-testid="learned" />
            ) : null}
            {data.duplicate ? (
              <Alert
                type="warning"
                showIcon
                title="重复票据：本账套已有这张票据"
                data-testid="duplicate-alert"
              />
            ) : null}
            {data.warnings.map((w) => (
              <Alert key={w} type="warning" showIcon title={w} />
            ))}
            <EditableFields invoice={data} />
            {data.checks.some((c) => !c.passed) ? (
              <Alert
                type="warning"
                showIcon
                title="校验未通过"
                description={data.checks
                  .filter((c) => !c.passed)
                  .map((c) => (
                    <div key={c.name}>{c.detail}</div>
                  ))}
              />
            ) : null}
            <div>
              <Typography.Text strong>建议分类：</Typography.Text>
              <Tag color="blue" data-testid="suggested-category">
                {data.category_account_code} {data.category}
              </Tag>
              <div>
                <Typography.Text type="secondary" data-testid="category-reason">
                  {categoryReasonText(data)}
                </Typography.Text>
              </div>
            </div>
            <Table
              size="small"
              pagination={false}
              rowKey={(_, i) => String(i)}
              dataSource={data.entries}
              data-testid="suggested-entries"
              columns={[
                { title: '摘要', dataIndex: 'abstract' },
                { title: '科目', dataIndex: 'account_code' },
                {
                  title: '借方',
                  dataIndex: 'debit',
                  align: 'right',
                  render: (v: number) => (v ? v.toFixed(2) : ''),
                },
                {
                  title: '贷方',
                  dataIndex: 'credit',
                  align: 'right',
                  render: (v: number) => (v ? v.toFixed(2) : ''),
                },
              ]}
            />
          </Flex>
        </Flex>
      ) : null}
      {editing && data ? (
        <InvoiceVoucherModal
          accountSetId={accountSetId}
          invoice={data}
          fallbackDate={fallbackDate}
          onClose={() => setEditing(false)}
          onSaved={(no, learned) => {
            setEditing(false);
            setSaved({ ...(no ? { voucherNo: no } : {}), ...(learned ? { learned } : {}) });
          }}
        />
      ) : null}
    </Drawer>
  );
}
