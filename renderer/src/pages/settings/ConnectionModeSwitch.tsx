import { App, Segmented } from 'antd';
import type { ConnectionMode } from '../../../../shared/ipc';
import { errorMessage } from '../../bridge';
import { useSetConnection } from '../../hooks/useSettingsMutations';

const MODE_OPTIONS: { label: string; value: ConnectionMode }[] = [
  { label: '本地引擎（默认，离线可用）', value: 'local' },
  { label: '云端 API', value: 'cloud' },
];

const MODE_NAMES: Record<ConnectionMode, string> = { local: '本地引擎', cloud: '云端 API' };

export function ConnectionModeSwitch({ mode }: { mode: ConnectionMode }) {
  const { message } = App.useApp();
  const setConnection = useSetConnection();
  // While the switch is being saved, show where it is going rather than jumping back.
  const shownMode = setConnection.isPending ? setConnection.variables.mode : mode;

  const switchTo = (next: ConnectionMode) => {
    setConnection.mutate(
      { mode: next },
      {
        onSuccess: () => void message.success(`已切换到${MODE_NAMES[next]}`),
        onError: (error) => void message.error(errorMessage(error)),
      },
    );
  };

  return (
    <Segmented<ConnectionMode>
      data-testid="mode-switch"
      options={MODE_OPTIONS}
      value={shownMode}
      disabled={setConnection.isPending}
      onChange={switchTo}
    />
  );
}
