import { useQuery } from '@tanstack/react-query';
import { bridge, unwrap } from '../bridge';
import { queryKeys } from './queryKeys';

/** Writes waiting for the engine (or done, or failed); kept current by outbox-changed events. */
export function useOutbox() {
  return useQuery({
    queryKey: queryKeys.outbox,
    queryFn: async () => unwrap(await bridge.listOutbox({})),
  });
}
