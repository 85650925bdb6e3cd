import { Card, Flex, Typography } from 'antd';
import type { SettingsView } from '../../../../shared/ipc';
import { CloudBaseUrlForm } from './CloudBaseUrlForm';
import { ConnectionModeSwitch } from './ConnectionModeSwitch';
import { ConnectionTestButton } from './ConnectionTestButton';

export function ConnectionCard({ settings }: { settings: SettingsView }) {
  return (
    <Card title="连接方式">
      <Flex vertical gap={20}>
        <Flex vertical gap={8}>
          <Flex align="center" gap={12} wrap>
            <ConnectionModeSwitch mode={settings.mode} />
            <ConnectionTestButton />
          </Flex>
          <Typography.Text type="secondary">
            本地引擎在本机处理数据，无需网络和账号；云端 API 连接账小二服务，需要 API Key。
          </Typography.Text>
        </Flex>
        <CloudBaseUrlForm key={settings.cloudBaseUrl} settings={settings} />
      </Flex>
    </Card>
  );
}
