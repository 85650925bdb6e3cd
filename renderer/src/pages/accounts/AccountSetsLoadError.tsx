import { Button, Result } from 'antd';
import { errorMessage, needsApiKey } from '../../bridge';
import { navigateTo } from '../../navigation/hashNavigation';

type AccountSetsLoadErrorProps = {
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
};

export function AccountSetsLoadError({ error, onRetry, retrying }: AccountSetsLoadErrorProps) {
  const keyProblem = needsApiKey(error);
  return (
    <Result
      status={keyProblem ? 'warning' : 'error'}
      title="无法加载账套"
      subTitle={errorMessage(error)}
      extra={[
        keyProblem ? (
          <Button key="settings" type="primary" onClick={() => navigateTo('settings')}>
            前往设置
          </Button>
        ) : null,
        <Button key="retry" loading={retrying} onClick={onRetry}>
          重试
        </Button>,
      ]}
    />
  );
}
