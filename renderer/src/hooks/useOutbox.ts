import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bridge, unwrap } from '../bridge';
import { queryKeys } from './queryKeys';

/** Writes waiting for the engine (or done, failed, 结果未知); kept current by outbox-changed events. */
export function useOutbox() {
  return useQuery({
    queryKey: queryKeys.outbox,
    queryFn: async () => unwrap(await bridge.listOutbox({})),
  });
}

/** What the user may do with one item: 重试 / 重新发送, 确认已入账, 放弃. */
export type OutboxAction = 'resend' | 'confirm' | 'discard';

export function useOutboxAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ action, id }: { action: OutboxAction; id: number }) => {
      switch (action) {
        case 'resend':
          return unwrap(await bridge.retryOutboxItem({ id }));
        case 'confirm':
          return unwrap(await bridge.confirmOutboxItem({ id }));
        case 'discard':
          return unwrap(await bridge.discardOutboxItem({ id }));
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.outbox }),
  });
}
