import { FolderAddOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Radio, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import type { AfterUpload } from '../../../../shared/folder-watch';
import { errorMessage } from '../../bridge';
import { useWorkspace } from '../../workspace';
import { useFolderWatchMutations } from './useFolderWatch';

/**
 * Adds a watched folder. In the desktop app the folder comes from the system dialog; in browser mode
 * (no dialog) its full path is typed, and main checks it: it exists, can be read, is not the app's
 * own data folder.
 */
export function AddFolderForm({ nativeDialog }: { nativeDialog: boolean }) {
  const workspace = useWorkspace();
  const { pick, add } = useFolderWatchMutations();
  const [folderPath, setFolderPath] = useState('');
  // Until the user picks one, the folder goes to the account set open in the header.
  const [pickedAccountSetId, setAccountSetId] = useState<string | undefined>();
  const accountSetId = pickedAccountSetId ?? workspace.accountSetId;
  const [recursive, setRecursive] = useState(true);
  const [afterUpload, setAfterUpload] = useState<AfterUpload>('leave');

  const choose = async () => {
    const picked = await pick.mutateAsync();
    if (picked.path) setFolderPath(picked.path);
  };

  const submit = () => {
    if (!accountSetId) return;
    add.mutate(
      { path: folderPath, accountSetId, recursive, afterUpload },
      { onSuccess: () => setFolderPath('') },
    );
  };

  const activeSets = workspace.accountSets.filter((set) => set.status === 'active');

  return (
    <Card title="添加监控文件夹" size="small" style={{ marginBottom: 16 }}>
      <Flex vertical gap={12}>
        <Flex gap={8} wrap>
          {nativeDialog ? (
            <Button icon={<FolderOpenOutlined />} onClick={() => void choose()} loading={pick.isPending}>
              选择文件夹…
            </Button>
          ) : null}
          <Input
            aria-label="文件夹路径"
            placeholder={
              nativeDialog ? '或输入文件夹的完整路径' : '输入文件夹的完整路径，例如 /home/会计/发票'
            }
            value={folderPath}
            onChange={(event) => setFolderPath(event.target.value)}
            onPressEnter={submit}
            style={{ flex: 1, minWidth: 280 }}
          />
        </Flex>
        <Flex gap={24} wrap align="center">
          <Space>
            <Typography.Text>归属账套</Typography.Text>
            <Select
              aria-label="归属账套"
              style={{ minWidth: 220 }}
              value={accountSetId}
              onChange={setAccountSetId}
              placeholder="选择账套"
              options={activeSets.map((set) => ({ value: set.id, label: set.name }))}
            />
          </Space>
          <Space>
            <Switch aria-label="包含子文件夹" checked={recursive} onChange={setRecursive} />
            <Typography.Text>包含子文件夹</Typography.Text>
          </Space>
          <Space>
            <Typography.Text>上传成功后</Typography.Text>
            <Radio.Group
              optionType="button"
              value={afterUpload}
              onChange={(event) => setAfterUpload(event.target.value as AfterUpload)}
              options={[
                { value: 'leave', label: '留在原处' },
                { value: 'move', label: '移到「已处理」' },
              ]}
            />
          </Space>
          <Button
            type="primary"
            icon={<FolderAddOutlined />}
            onClick={submit}
            loading={add.isPending}
            disabled={!folderPath.trim() || !accountSetId}
          >
            开始监控
          </Button>
        </Flex>
        {add.isError ? <Alert type="error" showIcon title={errorMessage(add.error)} /> : null}
        <Typography.Text type="secondary">
          只上传 jpg、png、pdf、OFD 与数电票
          XML（按文件内容判断）；隐藏文件、临时文件和未下载完的文件会被跳过。同一张票据无论改名、复制或移动，只上传一次；文件不会被删除。
        </Typography.Text>
      </Flex>
    </Card>
  );
}
