import { CloudUploadOutlined } from '@ant-design/icons';
import { Badge, Button, Popover } from 'antd';
import type { OutboxCounts } from '../../../shared/ipc';
import { useOutbox } from '../hooks/useOutbox';
import { OutboxList } from './OutboxList';

function buttonText(counts: OutboxCounts): string {
  const waiting = counts.pending + counts.sending;
  if (counts.unknown > 0) return `结果未知 ${String(counts.unknown)}`;
  if (waiting > 0) return `待发送 ${String(waiting)}`;
  if (counts.failed > 0) return `失败 ${String(counts.failed)}`;
  return '发送记录';
}

/** The header's view of the outbox: how many writes wait, failed or need a decision, and the list on click. */
export function OutboxStatus() {
  const outbox = useOutbox();
  if (!outbox.data) return null;
  const { counts, items } = outbox.data;
  if (items.length === 0) return null;
  const needsUser = counts.failed + counts.unknown;
  return (
    <Popover
      title="待发送队列"
      trigger="click"
      placement="bottomRight"
      content={<OutboxList items={items} width={460} />}
    >
      <Badge
        count={counts.pending + counts.sending + needsUser}
        color={needsUser > 0 ? 'red' : 'gold'}
        size="small"
      >
        <Button size="small" icon={<CloudUploadOutlined />} data-testid="outbox-status">
          {buttonText(counts)}
        </Button>
      </Badge>
    </Popover>
  );
}
