import type { ReactNode } from 'react';
import { Card, Empty, Table, Tag, Typography } from 'antd';
import type { FolderWatchItemView, WatchedFolderView } from '../../../../shared/folder-watch';
import { formatLocalTime } from '../accounts/formatTime';
import { formatBytes, ITEM_STATE_LABELS } from './labels';

export function FolderWatchItemsTable({
  items,
  folders,
  extra,
}: {
  items: readonly FolderWatchItemView[];
  folders: readonly WatchedFolderView[];
  extra?: ReactNode;
}) {
  const folderName = (id: string) => {
    const folder = folders.find((f) => f.id === id);
    return folder ? (folder.path.split(/[\\/]/).at(-1) ?? folder.path) : '（已移除）';
  };
  return (
    <Card title="文件" size="small" extra={extra} styles={{ body: { padding: 0 } }}>
      <Table<FolderWatchItemView>
        rowKey="key"
        size="small"
        dataSource={[...items]}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{
          emptyText: (
            <Empty description="放入文件夹的票据会显示在这里" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ),
        }}
        columns={[
          {
            title: '文件',
            dataIndex: 'fileName',
            ellipsis: true,
            render: (name: string, item) => (
              <Typography.Text title={item.filePath}>
                {name}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' '}
                  · {formatBytes(item.sizeBytes)}
                </Typography.Text>
              </Typography.Text>
            ),
          },
          { title: '文件夹', dataIndex: 'folderId', width: 140, ellipsis: true, render: folderName },
          {
            title: '状态',
            dataIndex: 'state',
            width: 110,
            render: (state: FolderWatchItemView['state']) => (
              <Tag color={ITEM_STATE_LABELS[state].color}>{ITEM_STATE_LABELS[state].text}</Tag>
            ),
          },
          {
            title: '说明',
            key: 'message',
            render: (_: unknown, item) =>
              item.message ? (
                <Typography.Text
                  type={item.state === 'failed' ? 'danger' : 'secondary'}
                  style={{ fontSize: 12 }}
                >
                  {item.message}
                </Typography.Text>
              ) : item.invoiceId ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  票据 {item.invoiceId}
                </Typography.Text>
              ) : null,
          },
          {
            title: '时间',
            dataIndex: 'updatedAt',
            width: 150,
            render: (value: string) => formatLocalTime(value),
          },
        ]}
      />
    </Card>
  );
}
