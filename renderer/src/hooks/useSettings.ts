import { useQuery } from '@tanstack/react-query';
import { bridge, unwrap } from '../bridge';
import { queryKeys } from './queryKeys';

export function useSettings() {
  return useQuery({
    queryKey: queryKeys.settings,
    queryFn: async () => unwrap(await bridge.getSettings({})),
  });
}
