import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Spin } from 'antd';
import { useCallback } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { errorMessage } from '../../bridge';
import { AddFolderForm } from './AddFolderForm';
import { FolderWatchItemsTable } from './FolderWatchItemsTable';
import { FolderWatchProgressCard } from './FolderWatchProgressCard';
import { useFolderWatch, useFolderWatchMutations } from './useFolderWatch';
import { WatchedFoldersTable } from './WatchedFoldersTable';

export function FolderWatchPage() {
  const { message } = App.useApp();
  // The end of a batch: a desktop notification comes from main; the page says it too (browser mode has no other).
  const onBatch = useCallback(
    (event: { uploaded: number; failed: number; message: string }) => {
      if (event.failed > 0) void message.warning(event.message);
      else void message.success(event.message);
    },
    [message],
  );
  const { query, progress } = useFolderWatch(onBatch);
  const { retry } = useFolderWatchMutations();
  const snapshot = query.data;
  const failed = snapshot?.folders.reduce((sum, folder) => sum + folder.counts.failed, 0) ?? 0;

  return (
    <>
      <PageHeading
        title="文件夹监控"
        description="把扫描仪或浏览器保存发票的文件夹交给账小二：放进去的票据会自动上传识别，断网或重启后自动续传，每张只上传一次。"
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching}>
            刷新
          </Button>
        }
      />
      {query.isError ? (
        <Alert type="error" showIcon title={errorMessage(query.error)} style={{ marginBottom: 16 }} />
      ) : null}
      {snapshot && !snapshot.available ? (
        <Alert
          type="warning"
          showIcon
          title="本地缓存数据库未能打开，文件夹监控暂不可用"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <AddFolderForm nativeDialog={snapshot?.nativeDialog === true} />
      <FolderWatchProgressCard progress={progress} />
      {snapshot ? (
        <>
          <WatchedFoldersTable folders={snapshot.folders} />
          <FolderWatchItemsTable
            items={snapshot.items}
            folders={snapshot.folders}
            extra={
              <Button
                size="small"
                disabled={failed === 0}
                loading={retry.isPending}
                onClick={() => retry.mutate()}
              >
                重试失败项{failed > 0 ? `（${String(failed)}）` : ''}
              </Button>
            }
          />
        </>
      ) : (
        <Spin />
      )}
      {retry.isError ? <Alert type="error" showIcon title={errorMessage(retry.error)} /> : null}
    </>
  );
}
