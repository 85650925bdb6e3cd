import { useQuery } from '@tanstack/react-query';
import { bridge, unwrap } from '../bridge';
import { queryKeys } from './queryKeys';

export function useAccountSets() {
  return useQuery({
    queryKey: queryKeys.accountSets,
    queryFn: async () => unwrap(await bridge.listAccountSets({})),
  });
}
