import { Empty, Grid, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { memo, useMemo } from 'react';
import type { InvoiceDirection, InvoiceRecord } from '../../../../shared/api/invoice';
import { navigateTo } from '../../navigation/hashNavigation';
import { invoiceListAmount, invoiceTotals } from './invoiceFields';
import { sellerOrBuyer } from './invoiceQueries';
import './invoices.css';

export interface InvoiceVoucherLink {
  voucherId: string;
  voucherNo: string;
}

export interface InvoiceTableProps {
  rows: readonly InvoiceRecord[];
  direction: InvoiceDirection;
  loading: boolean;
  links: ReadonlyMap<string, InvoiceVoucherLink>;
  selected: readonly string[];
  onSelect: (ids: string[]) => void;
  onOpen: (invoiceId: string) => void;
}

const MATCHED_BY: Record<NonNullable<InvoiceRecord['duplicate']>['matched_by'], string> = {
  number: '发票号码相同',
  code_number: '发票代码和号码相同',
  file_hash: '文件完全相同',
};

/** 金额 / 税额 / 价税合计: right-aligned, thousands separators, tabular figures. */
function AmountCell({ value }: { value: number | null }) {
  return <span className="zxe-invoice-amount">{invoiceListAmount(value)}</span>;
}

/**
 * The period's invoices. Every key column fits without scrolling from a 1024 px window up: on
 * narrower windows (below antd's `xl`) the invoice number shows its last 8 digits (all 20 in the
 * tooltip) and long party names wrap to two lines, then end in an ellipsis; below that the middle
 * scrolls while 价税合计 and 状态 stay fixed on the right. Memoised: upload progress re-renders the
 * page, not this table.
 */
export const InvoiceTable = memo(function InvoiceTable({
  rows,
  direction,
  loading,
  links,
  selected,
  onSelect,
  onOpen,
}: InvoiceTableProps) {
  const screens = Grid.useBreakpoint();
  const wide = screens.xl ?? true;
  const totals = useMemo(() => invoiceTotals(rows), [rows]);
  const columns = useMemo<ColumnsType<InvoiceRecord>>(
    () => [
      {
        title: '开票日期',
        dataIndex: 'issue_date',
        width: wide ? 100 : 88,
        render: (v: string | null) => v ?? '—',
      },
      {
        title: '发票号码',
        dataIndex: 'invoice_number',
        width: wide ? 172 : 90,
        render: (v: string | null, r) => {
          if (!v) return <Typography.Text type="secondary">—</Typography.Text>;
          const shown = wide || v.length <= 9 ? v : `…${v.slice(-8)}`;
          return (
            <Tooltip title={`${r.kind_name ?? '票据'} ${r.invoice_code ? `${r.invoice_code} ` : ''}${v}`}>
              <span className="zxe-invoice-number" data-testid="invoice-number" data-invoice-number={v}>
                {shown}
              </span>
            </Tooltip>
          );
        },
      },
      {
        title: direction === 'sale' ? '购买方' : '销售方',
        key: 'party',
        // Wide: one line with an ellipsis; narrow: up to two lines, then an ellipsis.
        ellipsis: wide ? { showTitle: false } : false,
        render: (_: unknown, r) => {
          const name = sellerOrBuyer(r);
          return (
            <Tooltip title={name} placement="topLeft">
              <span data-testid="invoice-party" className={wide ? undefined : 'zxe-invoice-party-clamp'}>
                {name}
              </span>
            </Tooltip>
          );
        },
      },
      {
        title: '类别',
        dataIndex: 'category',
        width: wide ? 104 : 72,
        ellipsis: { showTitle: false },
        render: (v: string, r) => (
          <Tooltip title={`${r.category_account_code} ${v}`} placement="topLeft">
            <span>{v}</span>
          </Tooltip>
        ),
      },
      {
        title: '金额',
        dataIndex: 'total_amount',
        align: 'right',
        width: wide ? 112 : 92,
        render: (v: number | null) => <AmountCell value={v} />,
      },
      {
        title: '税额',
        dataIndex: 'total_tax',
        align: 'right',
        width: wide ? 100 : 80,
        render: (v: number | null) => <AmountCell value={v} />,
      },
      {
        title: '价税合计',
        dataIndex: 'amount',
        align: 'right',
        width: wide ? 116 : 96,
        fixed: 'right',
        render: (v: number) => <AmountCell value={v} />,
      },
      {
        title: '状态',
        key: 'state',
        width: wide ? 100 : 78,
        fixed: 'right',
        render: (_: unknown, r) => {
          const link = links.get(r.invoice_id);
          const duplicate = r.duplicate ? (
            <Tooltip title={`重复票据：本账套已有这张票据（${MATCHED_BY[r.duplicate.matched_by]}）`}>
              <Tag color="warning" data-testid="invoice-duplicate" style={{ marginInlineEnd: 4 }}>
                重复
              </Tag>
            </Tooltip>
          ) : null;
          if (link)
            return (
              <>
                {duplicate}
                <Tooltip title="已生成凭证，点击打开">
                  <Typography.Link
                    data-testid="invoice-voucher-no"
                    onClick={(e) => {
                      e.stopPropagation();
                      navigateTo('vouchers', link.voucherId);
                    }}
                  >
                    {link.voucherNo}
                  </Typography.Link>
                </Tooltip>
              </>
            );
          return duplicate ?? <Typography.Text type="secondary">未生成</Typography.Text>;
        },
      },
    ],
    [direction, links, wide],
  );

  return (
    <Table<InvoiceRecord>
      className="zxe-invoice-table"
      size="small"
      rowKey="invoice_id"
      tableLayout="fixed"
      loading={loading}
      dataSource={rows}
      data-testid="invoice-table"
      pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ x: 720 }}
      rowSelection={{
        columnWidth: 32,
        fixed: 'left',
        selectedRowKeys: selected as string[],
        onChange: (keys) => onSelect(keys.map(String)),
        getCheckboxProps: (r) => ({
          disabled: links.has(r.invoice_id),
          title: links.has(r.invoice_id) ? '已生成凭证' : undefined,
        }),
      }}
      onRow={(r) => ({
        // A click on the checkbox selects the row; anywhere else opens the invoice.
        onClick: (e) => {
          if ((e.target as HTMLElement).closest('.ant-table-selection-column')) return;
          onOpen(r.invoice_id);
        },
        style: { cursor: 'pointer' },
      })}
      locale={{ emptyText: <Empty description="本期间还没有票据" /> }}
      summary={() =>
        rows.length > 0 ? (
          <Table.Summary>
            <Table.Summary.Row data-testid="invoice-totals">
              <Table.Summary.Cell index={0} colSpan={5}>
                合计（{totals.count} 张，不含重复）
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <span className="zxe-invoice-amount">{totals.amount}</span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                <span className="zxe-invoice-amount">{totals.tax}</span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                <span className="zxe-invoice-amount">{totals.gross}</span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={8} />
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
      columns={columns}
    />
  );
});
