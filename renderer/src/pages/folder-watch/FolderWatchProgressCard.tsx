import { Card, Flex, Progress, Typography } from 'antd';
import type { FolderWatchProgress } from '../../../../shared/folder-watch';

export function FolderWatchProgressCard({ progress }: { progress: FolderWatchProgress | undefined }) {
  if (!progress || progress.total === 0) return null;
  const percent = Math.floor((progress.done / progress.total) * 100);
  return (
    <Card size="small" style={{ marginBottom: 16 }} aria-label="上传进度">
      <Flex vertical gap={4}>
        <Flex justify="space-between" wrap gap={8}>
          <Typography.Text strong>
            {progress.active ? '正在上传识别' : '本批已完成'}：{progress.done} / {progress.total}
            {progress.failed > 0 ? (
              <Typography.Text type="danger">（失败 {progress.failed}）</Typography.Text>
            ) : null}
          </Typography.Text>
          {progress.current ? (
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 480 }}>
              当前：{progress.current}
            </Typography.Text>
          ) : null}
        </Flex>
        <Progress
          percent={percent}
          status={progress.active ? 'active' : progress.failed > 0 ? 'exception' : 'success'}
          showInfo={false}
        />
      </Flex>
    </Card>
  );
}
