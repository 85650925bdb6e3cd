import { DisconnectOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { Reachability } from '../../../shared/ipc';

/** The header's 离线 badge: main judged the engine unreachable from its last calls. */
export function ReachabilityTag({ reachability }: { reachability: Reachability }) {
  if (reachability !== 'offline') return null;
  return (
    <Tooltip title="暂时无法连接引擎：页面显示的是缓存数据，新建的凭证会在恢复连接后自动提交">
      <Tag icon={<DisconnectOutlined />} color="warning" data-testid="offline-badge">
        离线
      </Tag>
    </Tooltip>
  );
}
