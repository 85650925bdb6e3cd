import { Alert, Card, Flex, Result, Skeleton } from 'antd';
import { errorMessage } from '../../bridge';
import { PageHeading } from '../../components/PageHeading';
import { useSettings } from '../../hooks/useSettings';
import { dismissApiKeyNotice, useApiKeyNotice } from '../../navigation/apiKeyNotice';
import { ApiKeyCard } from './ApiKeyCard';
import { ConnectionCard } from './ConnectionCard';
import { LocalEngineCard } from './LocalEngineCard';
import { OutboxCard } from './OutboxCard';

function SettingsContent() {
  const settings = useSettings();
  const apiKeyNotice = useApiKeyNotice();

  if (settings.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (settings.isError) {
    return (
      <Card>
        <Result status="error" title="无法读取设置" subTitle={errorMessage(settings.error)} />
      </Card>
    );
  }

  const view = settings.data;
  return (
    <Flex vertical gap={16}>
      {apiKeyNotice ? (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: dismissApiKeyNotice }}
          data-testid="api-key-notice"
          title={apiKeyNotice}
        />
      ) : null}
      {view.secretStorage === 'memory' ? (
        <Alert
          type="warning"
          showIcon
          data-testid="secret-storage-warning"
          title="系统钥匙串不可用：密钥仅保存在内存中，退出后需重新输入"
        />
      ) : null}
      <ConnectionCard settings={view} />
      <ApiKeyCard cloudKey={view.cloudKey} />
      <LocalEngineCard engine={view.engine} />
      <OutboxCard />
    </Flex>
  );
}

export function SettingsPage() {
  return (
    <div style={{ maxWidth: 800 }}>
      <PageHeading title="设置" description="选择数据从哪里来：本机的引擎，或账小二云端。" />
      <SettingsContent />
    </div>
  );
}
