import { HistoryOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { formatLocalTime } from './formatTime';

/** Marks data served from the local cache because the live fetch failed (it carries its own fetchedAt). */
export function CacheSourceTag({ fetchedAt }: { fetchedAt: string }) {
  return (
    <Tooltip title="暂时无法连接，显示的是上次获取的数据">
      <Tag icon={<HistoryOutlined />} color="warning" data-testid="cache-source-tag">
        缓存 · 获取于 {formatLocalTime(fetchedAt)}
      </Tag>
    </Tooltip>
  );
}
