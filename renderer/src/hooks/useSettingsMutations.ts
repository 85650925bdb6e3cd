import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ConnectionMode, SettingsView } from '../../../shared/ipc';
import { bridge, unwrap } from '../bridge';
import { queryKeys } from './queryKeys';

/** A settings change answers the new settings; the account sets depend on the connection, so refetch them. */
function applyNewSettings(queryClient: QueryClient, settings: SettingsView): Promise<void> {
  queryClient.setQueryData(queryKeys.settings, settings);
  return queryClient.invalidateQueries({ queryKey: queryKeys.accountSets });
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
