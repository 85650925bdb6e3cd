import { Badge, Tooltip } from 'antd';
import type { EngineStatus } from '../../../shared/ipc';

type BadgeStatus = 'success' | 'processing' | 'default' | 'error';

const ENGINE_STATES: Record<EngineStatus['state'], { status: BadgeStatus; text: string }> = {
  running: { status: 'success', text: '运行中' },
  starting: { status: 'processing', text: '启动中' },
  stopped: { status: 'default', text: '已停止' },
  failed: { status: 'error', text: '故障' },
};

type EngineStatusBadgeProps = { engine: EngineStatus; testId: string };

export function EngineStatusBadge({ engine, testId }: EngineStatusBadgeProps) {
  const { status, text } = ENGINE_STATES[engine.state];
  const badge = <Badge status={status} text={text} data-testid={testId} />;
  return engine.message ? <Tooltip title={engine.message}>{badge}</Tooltip> : badge;
}
