import { useVirtualizer } from '@tanstack/react-virtual';
import { Button, Flex, List, Progress, Tag, Typography } from 'antd';
import { memo, useRef, type CSSProperties } from 'react';
import { invoiceListAmount } from './invoiceFields';
import './invoices.css';
import { UPLOAD_STATE_LABELS, type UploadItem, type UploadState } from './uploadQueue';

const STATE_COLORS: Record<UploadState, string> = {
  checking: 'default',
  waiting: 'default',
  uploading: 'processing',
  recognizing: 'processing',
  outbox: 'gold',
  recognized: 'success',
  duplicate: 'warning',
  failed: 'error',
};

/** The list shows about five rows and scrolls past that. */
const LIST_MAX_HEIGHT = 280;
/** A row with its name and tag only; rows with progress or a reason are measured as drawn. */
const ROW_ESTIMATE = 41;

export interface UploadListProps {
  items: UploadItem[];
  onRetry: (uploadId: string) => void;
  onOpen?: (invoiceId: string) => void;
}

/** One file's row, memoised: a batch's progress re-renders only the rows that changed. */
const UploadRow = memo(function UploadRow({
  item,
  index,
  measure,
  onRetry,
  onOpen,
}: {
  item: UploadItem;
  index: number;
  measure: (row: HTMLElement | null) => void;
  onRetry: UploadListProps['onRetry'];
  onOpen: UploadListProps['onOpen'];
}) {
  return (
    <List.Item
      ref={measure}
      data-index={index}
      data-testid="upload-item"
      data-state={item.state}
      {...(item.outboxId !== undefined ? { 'data-outbox-id': item.outboxId } : {})}
    >
      <Flex vertical style={{ width: '100%' }} gap={2}>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text ellipsis style={{ maxWidth: 420 }}>
            {item.fileName}
          </Typography.Text>
          <Flex align="center" gap={8}>
            {item.result && onOpen ? (
              <Button size="small" type="link" onClick={() => onOpen(item.result?.invoice_id ?? '')}>
                查看
              </Button>
            ) : null}
            {item.state === 'failed' && item.retryable ? (
              <Button size="small" onClick={() => onRetry(item.uploadId)}>
                重试
              </Button>
            ) : null}
            <Tag color={STATE_COLORS[item.state]} data-testid="upload-state">
              {UPLOAD_STATE_LABELS[item.state]}
            </Tag>
          </Flex>
        </Flex>
        {item.state === 'uploading' ? <Progress percent={item.percent} size="small" /> : null}
        {item.state === 'recognizing' ? (
          <Progress percent={100} size="small" status="active" showInfo={false} />
        ) : null}
        {item.reason ? (
          <Typography.Text type={item.state === 'failed' ? 'danger' : 'warning'} data-testid="upload-reason">
            {item.reason}
          </Typography.Text>
        ) : null}
        {item.result && item.state === 'recognized' ? (
          <Typography.Text type="secondary">
            {item.result.seller?.name ?? item.result.category} · ¥{invoiceListAmount(item.result.amount)}
          </Typography.Text>
        ) : null}
      </Flex>
    </List.Item>
  );
});

/**
 * One row per dropped file: its state, progress while uploading, the reason when it failed — or,
 * for 待发送, why it waits (main keeps the file and sends it once the engine can be reached).
 * Virtualised: of a batch of 50 only the rows in view (and a few either side) are drawn, so a drop
 * paints its first rows at once; the list's height and scrollbar stay those of all the rows.
 */
export function UploadList({ items, onRetry, onOpen }: UploadListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands back fresh functions each render, which the React compiler cannot memoise.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (index) => items[index]?.uploadId ?? index,
    overscan: 8,
    initialRect: { width: 0, height: LIST_MAX_HEIGHT },
  });
  if (items.length === 0) return null;
  const rows = virtualizer.getVirtualItems();
  const before = rows[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (rows[rows.length - 1]?.end ?? 0);
  const style = {
    maxHeight: LIST_MAX_HEIGHT,
    overflow: 'auto',
    '--zxe-upload-before': `${String(before)}px`,
    '--zxe-upload-after': `${String(Math.max(0, after))}px`,
  } as CSSProperties;
  return (
    <List
      ref={scrollRef}
      size="small"
      bordered
      className="zxe-upload-list"
      data-testid="upload-list"
      data-count={items.length}
      style={style}
      dataSource={rows}
      rowKey={(row) => row.key.toString()}
      renderItem={(row) => {
        const item = items[row.index];
        return item ? (
          <UploadRow
            item={item}
            index={row.index}
            measure={virtualizer.measureElement}
            onRetry={onRetry}
            onOpen={onOpen}
          />
        ) : null;
      }}
    />
  );
}
