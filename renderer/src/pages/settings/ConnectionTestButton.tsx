import { ApiOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { errorMessage } from '../../bridge';
import { useTestConnection } from '../../hooks/useSettingsMutations';

export function ConnectionTestButton() {
  const { message } = App.useApp();
  const testConnection = useTestConnection();

  const test = () => {
    testConnection.mutate(undefined, {
      onSuccess: ({ accountSetCount }) => void message.success(`连接成功：${accountSetCount} 个账套`),
      onError: (error) => void message.error(errorMessage(error)),
    });
  };

  return (
    <Button
      data-testid="connection-test"
      icon={<ApiOutlined />}
      loading={testConnection.isPending}
      onClick={test}
    >
      测试连接
    </Button>
  );
}
