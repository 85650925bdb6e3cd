import { CloudUploadOutlined } from '@ant-design/icons';
import { Badge, Button, List, Popover, Tag, Typography } from 'antd';
import type { OutboxItemView, OutboxState } from '../../../shared/ipc';
import { useOutbox } from '../hooks/useOutbox';
import { formatLocalTime } from '../pages/accounts/formatTime';

const STATE_TAGS: Record<OutboxState, { color: string; text: string }> = {
  pending: { color: 'gold', text: '待发送' },
  sending: { color: 'processing', text: '发送中' },
  done: { color: 'success', text: '已提交' },
  failed: { color: 'error', text: '失败' },
  unknown: { color: 'warning', text: '结果未知' },
};

function OutboxList({ items }: { items: OutboxItemView[] }) {
  return (
    <List
      size="small"
      style={{ width: 420, maxHeight: 360, overflow: 'auto' }}
      dataSource={items.slice(0, 30)}
      locale={{ emptyText: '没有待发送的内容' }}
      renderItem={(item) => (
        <List.Item
          data-testid="outbox-item"
          extra={<Tag color={STATE_TAGS[item.state].color}>{STATE_TAGS[item.state].text}</Tag>}
        >
          <List.Item.Meta
            title={item.title}
            description={
              <>
                <Typography.Text type="secondary">{formatLocalTime(item.createdAt)}</Typography.Text>
                {item.message ? (
                  <Typography.Text type={item.state === 'failed' ? 'danger' : 'secondary'}>
                    {' · '}
                    {item.message}
                  </Typography.Text>
                ) : null}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** The header's view of the outbox: how many writes wait or failed, and the list on click. */
export function OutboxStatus() {
  const outbox = useOutbox();
  if (!outbox.data) return null;
  const { counts, items } = outbox.data;
  const waiting = counts.pending + counts.sending;
  if (items.length === 0) return null;
  return (
    <Popover
      title="待发送队列"
      trigger="click"
      placement="bottomRight"
      content={<OutboxList items={items} />}
    >
      <Badge count={waiting + counts.failed} color={counts.failed > 0 ? 'red' : 'gold'} size="small">
        <Button size="small" icon={<CloudUploadOutlined />} data-testid="outbox-status">
          {waiting > 0
            ? `待发送 ${String(waiting)}`
            : counts.failed > 0
              ? `失败 ${String(counts.failed)}`
              : '发送记录'}
        </Button>
      </Badge>
    </Popover>
  );
}
