import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ConnectionMode, SettingsView } from '../../../shared/ipc';
import { bridge, unwrap } from '../bridge';
import { dismissApiKeyNotice } from '../navigation/apiKeyNotice';
import { queryKeys } from './queryKeys';

/**
 * A settings change answers the new settings; what was read depends on the connection, so refetch
 * it. A new key or connection also answers whatever sent the user here to re-enter the key.
 */
async function applyNewSettings(queryClient: QueryClient, settings: SettingsView): Promise<void> {
  dismissApiKeyNotice();
  queryClient.setQueryData(queryKeys.settings, settings);
  await Promise.all(queryKeys.engineData.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useSetApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (key: string) => unwrap(await bridge.setApiKey({ key })),
    // The variables are the key itself: forget the mutation as soon as nothing observes it.
    gcTime: 0,
    onSuccess: (settings) => applyNewSettings(queryClient, settings),
  });
}

export function useClearApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await bridge.clearApiKey({})),
    onSuccess: (settings) => applyNewSettings(queryClient, settings),
  });
}

export type ConnectionChange = { mode: ConnectionMode; cloudBaseUrl?: string };

export function useSetConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: ConnectionChange) => unwrap(await bridge.setConnection(change)),
    onSuccess: (settings) => applyNewSettings(queryClient, settings),
  });
}

export function useTestConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await bridge.testConnection({})),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.settings }),
        queryClient.invalidateQueries({ queryKey: queryKeys.accountSets }),
      ]),
  });
}
