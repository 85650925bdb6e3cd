import { CloudOutlined, DesktopOutlined } from '@ant-design/icons';
import { Flex, Spin, Tag, Typography } from 'antd';
import { useSettings } from '../hooks/useSettings';
import { EngineStatusBadge } from './EngineStatusBadge';
import { OutboxStatus } from './OutboxStatus';
import { ReachabilityTag } from './ReachabilityTag';

/** The header's summary: the outbox, whether the engine answers, connection mode and engine state. */
export function ConnectionStatus() {
  const settings = useSettings();

  if (settings.isPending) return <Spin size="small" />;
  if (settings.isError) return <Tag color="error">无法读取连接设置</Tag>;

  const { mode, engine, reachability } = settings.data;
  return (
    <Flex align="center" gap={20}>
      <OutboxStatus />
      <ReachabilityTag reachability={reachability} />
      <Flex align="center" gap={6}>
        <Typography.Text type="secondary">连接方式</Typography.Text>
        {mode === 'local' ? (
          <Tag icon={<DesktopOutlined />} color="cyan" data-testid="connection-mode">
            本地引擎
          </Tag>
        ) : (
          <Tag icon={<CloudOutlined />} color="blue" data-testid="connection-mode">
            云端
          </Tag>
        )}
      </Flex>
      <Flex align="center" gap={6}>
        <Typography.Text type="secondary">引擎状态</Typography.Text>
        <EngineStatusBadge engine={engine} testId="engine-status" />
      </Flex>
    </Flex>
  );
}
