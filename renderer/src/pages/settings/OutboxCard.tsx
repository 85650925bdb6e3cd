import { Card, Flex, Typography } from 'antd';
import { OutboxList } from '../../components/OutboxList';
import { useOutbox } from '../../hooks/useOutbox';

/** 设置 → 待发送队列: every write main still holds, and what can be done with the stuck ones. */
export function OutboxCard() {
  const outbox = useOutbox();
  const counts = outbox.data?.counts;
  return (
    <Card title="待发送队列" data-testid="outbox-card">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          无法立即提交的凭证在这里排队，恢复连接后自动发送；多次失败的记录会标为「失败」，可以重试或放弃。
          「结果未知」表示请求可能已被服务器处理但没有收到应答：请先在凭证列表中核对，再选择「确认已入账」或「重新发送」。
        </Typography.Text>
        {counts ? (
          <Typography.Text data-testid="outbox-counts">
            待发送 {counts.pending + counts.sending} · 失败 {counts.failed} · 结果未知 {counts.unknown}
          </Typography.Text>
        ) : null}
        <OutboxList items={outbox.data?.items ?? []} limit={200} />
      </Flex>
    </Card>
  );
}
