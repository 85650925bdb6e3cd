import { DeleteOutlined, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { WatchedFolderView } from '../../../../shared/folder-watch';
import { useWorkspace } from '../../workspace';
import { FOLDER_STATUS_LABELS } from './labels';
import { useFolderWatchMutations } from './useFolderWatch';

export function WatchedFoldersTable({ folders }: { folders: readonly WatchedFolderView[] }) {
  const { accountSets } = useWorkspace();
  const { update, remove } = useFolderWatchMutations();
  const accountSetName = (id: string) => accountSets.find((set) => set.id === id)?.name ?? id;

  return (
    <Card title="监控中的文件夹" size="small" style={{ marginBottom: 16 }} styles={{ body: { padding: 0 } }}>
      <Table<WatchedFolderView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...folders]}
        locale={{
          emptyText: <Empty description="还没有监控的文件夹" image={Empty.PRESENTED_IMAGE_SIMPLE} />,
        }}
        columns={[
          {
            title: '文件夹',
            dataIndex: 'path',
            render: (value: string, folder) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text code copyable={{ text: value }}>
                  {value}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {folder.recursive ? '含子文件夹' : '仅此文件夹'} ·{' '}
                  {folder.afterUpload === 'move' ? '成功后移到「已处理」' : '成功后留在原处'}
                </Typography.Text>
              </Space>
            ),
          },
          { title: '账套', dataIndex: 'accountSetId', width: 160, render: accountSetName },
          {
            title: '状态',
            key: 'status',
            width: 220,
            render: (_: unknown, folder) => {
              const label = FOLDER_STATUS_LABELS[folder.status];
              return (
                <Space orientation="vertical" size={0}>
                  <Tag color={label.color}>{label.text}</Tag>
                  {folder.message ? (
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      {folder.message}
                    </Typography.Text>
                  ) : null}
                </Space>
              );
            },
          },
          {
            title: '票据',
            key: 'counts',
            width: 200,
            render: (_: unknown, { counts }) => (
              <Typography.Text style={{ fontSize: 12 }}>
                已识别 {counts.done} · 排队 {counts.pending + counts.uploading}
                {counts.failed > 0 ? (
                  <Typography.Text type="danger"> · 失败 {counts.failed}</Typography.Text>
                ) : null}
              </Typography.Text>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 170,
            render: (_: unknown, folder) => (
              <Space>
                <Tooltip title={folder.paused ? '继续监控并上传' : '暂停监控和上传'}>
                  <Button
                    size="small"
                    icon={folder.paused ? <PlayCircleOutlined /> : <PauseCircleOutlined />}
                    onClick={() => update.mutate({ id: folder.id, paused: !folder.paused })}
                  >
                    {folder.paused ? '继续' : '暂停'}
                  </Button>
                </Tooltip>
                <Popconfirm
                  title="不再监控这个文件夹？"
                  description="文件夹里的文件不会被删除；已识别的票据仍保留在账套中。"
                  okText="移除"
                  cancelText="取消"
                  onConfirm={() => remove.mutate(folder.id)}
                >
                  <Button size="small" danger icon={<DeleteOutlined />}>
                    移除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
