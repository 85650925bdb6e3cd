import { App, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { baseUrlSchema, type SettingsView } from '../../../../shared/ipc';
import { errorMessage } from '../../bridge';
import { useSetConnection } from '../../hooks/useSettingsMutations';
import { firstIssueMessage } from './firstIssue';

/** Mount with `key={settings.cloudBaseUrl}` so a saved or pushed change resets the draft. */
export function CloudBaseUrlForm({ settings }: { settings: SettingsView }) {
  const { message } = App.useApp();
  const setConnection = useSetConnection();
  const [draft, setDraft] = useState(settings.cloudBaseUrl);
  const [problem, setProblem] = useState<string | null>(null);

  const save = () => {
    const parsed = baseUrlSchema.safeParse(draft);
    if (!parsed.success) {
      setProblem(firstIssueMessage(parsed.error, '地址无效'));
      return;
    }
    setProblem(null);
    setConnection.mutate(
      { mode: settings.mode, cloudBaseUrl: parsed.data },
      {
        onSuccess: () => void message.success('云端地址已保存'),
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  };

  return (
    <Form layout="vertical" component="div">
      <Form.Item
        label="云端 API 地址"
        validateStatus={problem ? 'error' : undefined}
        help={problem ?? '云端模式下的请求发往此地址，须为 https://；更换服务器地址后需要重新输入 API Key'}
        style={{ marginBottom: 0 }}
      >
        <Space.Compact block>
          <Input
            data-testid="cloud-base-url-input"
            value={draft}
            onChange={(event) => {
              setDraft(event.target.value);
              setProblem(null);
            }}
            onPressEnter={save}
            spellCheck={false}
            autoComplete="off"
            placeholder="https://api.zhangxiaoer.com"
          />
          <Button
            data-testid="cloud-base-url-save"
            onClick={save}
            loading={setConnection.isPending}
            disabled={draft.trim() === settings.cloudBaseUrl}
          >
            保存地址
          </Button>
        </Space.Compact>
      </Form.Item>
    </Form>
  );
}
