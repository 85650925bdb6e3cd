import { Card, Descriptions } from 'antd';
import type { EngineStatus } from '../../../../shared/ipc';
import { EngineStatusBadge } from '../../components/EngineStatusBadge';

export function LocalEngineCard({ engine }: { engine: EngineStatus }) {
  return (
    <Card title="本地引擎">
      <Descriptions
        column={1}
        items={[
          {
            key: 'state',
            label: '状态',
            children: <EngineStatusBadge engine={engine} testId="local-engine-status" />,
          },
          ...(engine.message ? [{ key: 'message', label: '说明', children: engine.message }] : []),
          {
            key: 'about',
            label: '用途',
            children: '本地模式下，账套数据保存在本机，由应用内置的引擎处理，断网也可使用。',
          },
        ]}
      />
    </Card>
  );
}
