import { Button, Flex, List, Progress, Tag, Typography } from 'antd';
import { memo } from 'react';
import { invoiceListAmount } from './invoiceFields';
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

export interface UploadListProps {
  items: UploadItem[];
  onRetry: (uploadId: string) => void;
  onOpen?: (invoiceId: string) => void;
}

/** One file's row, memoised: a batch's progress re-renders only the rows that changed. */
const UploadRow = memo(function UploadRow({
  item,
  onRetry,
  onOpen,
}: {
  item: UploadItem;
  onRetry: UploadListProps['onRetry'];
  onOpen: UploadListProps['onOpen'];
}) {
  return (
    <List.Item
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
 */
export function UploadList({ items, onRetry, onOpen }: UploadListProps) {
  if (items.length === 0) return null;
  return (
    <List
      size="small"
      bordered
      data-testid="upload-list"
      style={{ maxHeight: 280, overflow: 'auto' }}
      dataSource={items}
      rowKey="uploadId"
      renderItem={(item) => <UploadRow item={item} onRetry={onRetry} onOpen={onOpen} />}
    />
  );
}
