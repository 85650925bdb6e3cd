import { App, Button, Card, Flex, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { apiKeyInputSchema, type KeyStatus } from '../../../../shared/ipc';
import { errorMessage } from '../../bridge';
import { useClearApiKey, useSetApiKey } from '../../hooks/useSettingsMutations';
import { firstIssueMessage } from './firstIssue';

function ApiKeyStatus({ cloudKey }: { cloudKey: KeyStatus }) {
  const { message } = App.useApp();
  const clearApiKey = useClearApiKey();

  if (!cloudKey.set) {
    return (
      <Typography.Text type="secondary" data-testid="api-key-status">
        未设置
      </Typography.Text>
    );
  }

  const clear = () =>
    clearApiKey.mutate(undefined, {
      onSuccess: () => void message.success('API Key 已清除'),
      onError: (error) => void message.error(errorMessage(error)),
    });

  return (
    <Flex align="center" gap={12}>
      <Typography.Text data-testid="api-key-status">已设置 ····{cloudKey.last4}</Typography.Text>
      <Popconfirm
        title="清除 API Key？"
        description="清除后，云端模式需要重新输入密钥才能使用。"
        okText="清除"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        onConfirm={clear}
      >
        <Button size="small" danger data-testid="api-key-clear" loading={clearApiKey.isPending}>
          清除
        </Button>
      </Popconfirm>
    </Flex>
  );
}

/** Write-only: the field is never prefilled, and is emptied as soon as the key is sent to main. */
function ApiKeyEntry({ replacing }: { replacing: boolean }) {
  const { message } = App.useApp();
  const setApiKey = useSetApiKey();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const save = () => {
    const parsed = apiKeyInputSchema.safeParse(draft);
    if (!parsed.success) {
      setProblem(firstIssueMessage(parsed.error, 'API Key 格式不正确'));
      return;
    }
    setProblem(null);
    setDraft('');
    setApiKey.mutate(parsed.data, {
      onSuccess: () => void message.success('API Key 已保存'),
      onError: (error) => setProblem(errorMessage(error)),
      // Drop the mutation's record of its variables, so the key does not linger in the renderer.
      onSettled: () => setApiKey.reset(),
    });
  };

  return (
    <Form layout="vertical" component="div">
      <Form.Item
        label={replacing ? '更换 API Key' : '输入 API Key'}
        validateStatus={problem ? 'error' : undefined}
        help={problem ?? '保存后只显示末 4 位，本界面不会再显示完整密钥'}
        style={{ marginBottom: 0 }}
      >
        <Space.Compact block>
          <Input.Password
            data-testid="api-key-input"
            value={draft}
            onChange={(event) => {
              setDraft(event.target.value);
              setProblem(null);
            }}
            onPressEnter={save}
            placeholder="sk_live_… 或 sk_test_…"
            autoComplete="off"
            spellCheck={false}
            autoCorrect="off"
            autoCapitalize="off"
          />
          <Button
            type="primary"
            data-testid="api-key-save"
            onClick={save}
            loading={setApiKey.isPending}
            disabled={draft.trim() === ''}
          >
            保存
          </Button>
        </Space.Compact>
      </Form.Item>
    </Form>
  );
}

export function ApiKeyCard({ cloudKey }: { cloudKey: KeyStatus }) {
  return (
    <Card title="API Key（云端）">
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">
          在账小二网页版「设置 -
          开发者」中获取。密钥保存在系统钥匙串中，只在云端模式下使用，且只发往输入时所设置的服务器地址。
        </Typography.Text>
        <Typography.Text type="warning" data-testid="api-key-origin-note">
          更换服务器地址后需要重新输入 API Key
        </Typography.Text>
        <Flex align="center" gap={8}>
          <Typography.Text type="secondary">当前状态：</Typography.Text>
          <ApiKeyStatus cloudKey={cloudKey} />
        </Flex>
        <ApiKeyEntry replacing={cloudKey.set} />
      </Flex>
    </Card>
  );
}
