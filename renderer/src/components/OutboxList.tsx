import { App, Button, Flex, List, Popconfirm, Space, Tag, Typography } from 'antd';
import type { OutboxItemView, OutboxState } from '../../../shared/ipc';
import { errorMessage } from '../bridge';
import { useAccountSets } from '../hooks/useAccountSets';
import { useOutboxAction, type OutboxAction } from '../hooks/useOutbox';
import { formatLocalTime } from '../pages/accounts/formatTime';

export const OUTBOX_STATE_TAGS: Record<OutboxState, { color: string; text: string }> = {
  pending: { color: 'gold', text: '待发送' },
  sending: { color: 'processing', text: '发送中' },
  done: { color: 'success', text: '已提交' },
  failed: { color: 'error', text: '失败' },
  unknown: { color: 'warning', text: '结果未知' },
};

const DONE_MESSAGES: Record<OutboxAction, string> = {
  resend: '已重新加入待发送队列',
  confirm: '已确认入账',
  discard: '已放弃',
};

/** How the list words a voucher and an invoice upload (票据 dropped while the engine was unreachable). */
const KIND_WORDS = {
  'voucher.create': {
    done: '已提交',
    confirm: '确认已入账',
    confirmed: '已确认入账',
    discardDescription: '放弃后不会再提交，需要时请重新录入。',
    resendDescription:
      '服务器可能已经入账。请先在凭证列表中核对，确认没有这张凭证再重新发送，否则会重复入账。',
  },
  'invoice.recognize': {
    done: '已识别',
    confirm: '确认已识别',
    confirmed: '已确认识别',
    discardDescription: '放弃后这张票据不会再上传，需要时请重新拖入文件。',
    resendDescription:
      '服务器可能已经识别了这张票据。请先在票据列表中核对，确认没有这张票据再重新发送，否则会多一条票据记录。',
  },
} as const;

/**
 * The buttons an item offers: a failed write can be 重试 or 放弃; a write whose outcome is unknown
 * (it may already be in the ledger) can be 确认已入账, 重新发送 or 放弃 — 重新发送 asks first,
 * because it may create a second voucher. A queued invoice upload offers the same, in its words.
 */
function ItemActions({ item }: { item: OutboxItemView }) {
  const { message } = App.useApp();
  const act = useOutboxAction();
  const words = KIND_WORDS[item.kind];
  const run = (action: OutboxAction) =>
    act.mutate(
      { action, id: item.id },
      {
        onSuccess: () => void message.success(action === 'confirm' ? words.confirmed : DONE_MESSAGES[action]),
        onError: (error) => void message.error(errorMessage(error)),
      },
    );
  const busy = act.isPending;
  const discard = (
    <Popconfirm
      title="放弃这条记录？"
      description={words.discardDescription}
      okText="放弃"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onConfirm={() => run('discard')}
    >
      <Button size="small" danger disabled={busy} data-testid="outbox-discard">
        放弃
      </Button>
    </Popconfirm>
  );
  if (item.state === 'failed') {
    return (
      <Space size={4}>
        <Button size="small" onClick={() => run('resend')} loading={busy} data-testid="outbox-retry">
          重试
        </Button>
        {discard}
      </Space>
    );
  }
  if (item.state === 'unknown') {
    return (
      <Space size={4} wrap>
        <Button
          size="small"
          type="primary"
          onClick={() => run('confirm')}
          loading={busy}
          data-testid="outbox-confirm"
        >
          {words.confirm}
        </Button>
        <Popconfirm
          title="重新发送？"
          description={words.resendDescription}
          okText="重新发送"
          cancelText="取消"
          onConfirm={() => run('resend')}
        >
          <Button size="small" disabled={busy} data-testid="outbox-resend">
            重新发送
          </Button>
        </Popconfirm>
        {discard}
      </Space>
    );
  }
  if (item.state === 'pending') return discard;
  return null;
}

function itemDescription(item: OutboxItemView, accountSetName: string | undefined) {
  const tone = item.state === 'failed' ? 'danger' : item.state === 'unknown' ? 'warning' : 'secondary';
  return (
    <Flex vertical gap={4} align="flex-start">
      <Typography.Text type="secondary" data-testid="outbox-item-when">
        {accountSetName ?? item.accountSetId} · {formatLocalTime(item.createdAt)}
        {item.attempts > 0 ? ` · 已尝试 ${String(item.attempts)} 次` : ''}
        {item.nextAttemptAt ? ` · 下次尝试 ${formatLocalTime(item.nextAttemptAt)}` : ''}
      </Typography.Text>
      {item.message ? (
        <Typography.Text type={tone} data-testid="outbox-item-message">
          {item.message}
        </Typography.Text>
      ) : null}
      <ItemActions item={item} />
    </Flex>
  );
}

/** The outbox's items, newest first, each with its state, its reason and what can be done with it. */
export function OutboxList({
  items,
  limit = 30,
  width,
}: {
  items: OutboxItemView[];
  limit?: number;
  width?: number;
}) {
  const accountSets = useAccountSets();
  const names = new Map((accountSets.data?.data.accounts ?? []).map((set) => [set.id, set.name]));
  return (
    <List
      size="small"
      style={{ width, maxHeight: width ? 420 : undefined, overflow: 'auto' }}
      dataSource={items.slice(0, limit)}
      locale={{ emptyText: '没有待发送的内容' }}
      renderItem={(item) => (
        <List.Item
          data-testid="outbox-item"
          data-state={item.state}
          data-kind={item.kind}
          extra={
            <Tag color={OUTBOX_STATE_TAGS[item.state].color}>
              {item.state === 'done' ? KIND_WORDS[item.kind].done : OUTBOX_STATE_TAGS[item.state].text}
            </Tag>
          }
        >
          <List.Item.Meta
            title={<span data-testid="outbox-item-title">{item.title}</span>}
            description={itemDescription(item, names.get(item.accountSetId))}
          />
        </List.Item>
      )}
    />
  );
}
