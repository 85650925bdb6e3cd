import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, Button, Empty, Flex, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Voucher } from '../../../../shared/api/ledger';
import type { OutboxState } from '../../../../shared/ipc';
import { decimalToFen } from '../../../../shared/money';
import { errorMessage } from '../../bridge';
import { useOutbox } from '../../hooks/useOutbox';
import { navigateTo } from '../../navigation/hashNavigation';
import { CacheSourceTag } from '../accounts/CacheSourceTag';
import { periodLabel, useWorkspace } from '../../workspace';
import { formatAmount } from './amountText';
import { useVoucherPages, type VoucherListFilter } from './voucherQueries';
import { voucherStatusLabel } from './voucherStatus';
import './vouchers.css';

const ROW_HEIGHT = 40;

/** An outbox item still waiting for the engine, shown above the posted vouchers as 待发送. */
interface PendingRow {
  id: number;
  title: string;
  state: Exclude<OutboxState, 'done'>;
  message: string | null;
}

const PENDING_TAGS: Record<PendingRow['state'], { color: string; text: string }> = {
  pending: { color: 'gold', text: '待发送' },
  sending: { color: 'gold', text: '待发送' },
  failed: { color: 'red', text: '发送失败' },
  unknown: { color: 'purple', text: '结果未知' },
};

function firstAbstract(voucher: Voucher): string {
  return voucher.entries[0]?.abstract ?? '';
}

/**
 * 凭证 by the workspace's period: 凭证字号, 日期, 摘要 (first line), 金额, 附件, 状态, searched by the
 * engine (摘要, account, amount, 记-N), paged 100 at a time as the list scrolls and virtualized, so
 * 10,000 vouchers stay light. Enter or a click opens one.
 */
export function VoucherList() {
  const { accountSetId, period, readOnly } = useWorkspace();
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const filter = useMemo<VoucherListFilter>(
    () => ({ startDate: period.startDate, endDate: period.endDate, ...(search ? { search } : {}) }),
    [period.startDate, period.endDate, search],
  );
  const pages = useVoucherPages(accountSetId, filter);
  const outbox = useOutbox();
  const vouchers = useMemo(() => pages.data?.pages.flatMap((p) => p.data.vouchers) ?? [], [pages.data]);
  const total = pages.data?.pages[0]?.data.total ?? 0;
  const cached = pages.data?.pages.find((p) => p.source === 'cache');
  const pending: PendingRow[] = (outbox.data?.items ?? []).flatMap((item) =>
    item.accountSetId === accountSetId && item.state !== 'done'
      ? [{ id: item.id, title: item.title, state: item.state, message: item.message }]
      : [],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands back fresh functions each render, which the React compiler cannot memoise.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: vouchers.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= vouchers.length - 20) void fetchNextPage();
  }, [lastIndex, vouchers.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            凭证
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="voucher-list-summary">
            {periodLabel(period)} · 共 {total} 张
          </Typography.Text>
          {cached ? <CacheSourceTag fetchedAt={cached.fetchedAt} /> : null}
        </Space>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder="搜索摘要、科目、金额或凭证号"
            value={searchText}
            onChange={(e) => {
              setSearchText(e.target.value);
              if (e.target.value === '') setSearch('');
            }}
            onSearch={(value) => setSearch(value.trim().slice(0, 100))}
            style={{ width: 280 }}
            aria-label="搜索凭证"
            data-testid="voucher-search"
          />
          <Button icon={<ReloadOutlined />} onClick={() => void pages.refetch()} loading={pages.isRefetching}>
            刷新
          </Button>
          <Tooltip title={readOnly ? '账套已冻结，只能查看' : undefined}>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={readOnly}
              onClick={() => navigateTo('vouchers', 'new')}
              data-testid="new-voucher"
            >
              新增凭证
            </Button>
          </Tooltip>
        </Space>
      </Flex>

      {pages.isError ? (
        <Alert type="error" showIcon title="无法读取凭证" description={errorMessage(pages.error)} />
      ) : null}

      <div
        style={{ border: '1px solid #f0f0f0', borderRadius: 8, background: '#fff' }}
        data-testid="voucher-list"
      >
        <div className="zxe-voucher-list-row zxe-voucher-list-head" role="row">
          <span>凭证字号</span>
          <span>日期</span>
          <span>摘要</span>
          <span className="zxe-amount">金额</span>
          <span>附件</span>
          <span>状态</span>
        </div>
        {pending.map((row) => (
          <div
            key={`outbox-${String(row.id)}`}
            className="zxe-voucher-list-row"
            data-testid="voucher-row-pending"
          >
            <span>—</span>
            <span className="zxe-ellipsis" style={{ gridColumn: 'span 4' }}>
              {row.title}
              {row.message ? <Typography.Text type="secondary"> · {row.message}</Typography.Text> : null}
            </span>
            <span>
              <Tag color={PENDING_TAGS[row.state].color}>{PENDING_TAGS[row.state].text}</Tag>
            </span>
          </div>
        ))}
        <div ref={scrollRef} style={{ height: 'calc(100vh - 260px)', minHeight: 240, overflowY: 'auto' }}>
          {vouchers.length === 0 && !pages.isPending ? (
            <Empty style={{ padding: 32 }} description={search ? '没有符合条件的凭证' : '本期还没有凭证'} />
          ) : null}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const voucher = vouchers[item.index];
              if (!voucher) return null;
              const status = voucherStatusLabel(voucher);
              const amount = decimalToFen(voucher.debit_total) ?? 0;
              const open = () => navigateTo('vouchers', voucher.voucher_id);
              return (
                <div
                  key={voucher.voucher_id}
                  role="row"
                  tabIndex={0}
                  className="zxe-voucher-list-row"
                  data-testid="voucher-row"
                  onClick={open}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') open();
                  }}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    transform: `translateY(${String(item.start)}px)`,
                  }}
                >
                  <span>{voucher.voucher_no}</span>
                  <span>{voucher.date}</span>
                  <span className="zxe-ellipsis">{firstAbstract(voucher)}</span>
                  <span className={`zxe-amount${amount < 0 ? ' zxe-red' : ''}`}>{formatAmount(amount)}</span>
                  <span>{voucher.attachments.length}</span>
                  <span>
                    <Tag color={status.color}>{status.text}</Tag>
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </Flex>
  );
}
