import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FolderWatchProgress, FolderWatchSnapshot } from '../../../../shared/folder-watch';
import type { IpcArgs, IpcEvent } from '../../../../shared/ipc';
import { bridge, unwrap } from '../../bridge';

export const folderWatchQueryKey = ['folderWatch'] as const;

type BatchEvent = Extract<IpcEvent, { type: 'folder-watch-batch' }>;

/**
 * The watched folders, their rows and the live progress. Progress events patch the numbers at once;
 * the rows are fetched again at most twice a second while a batch runs, and once when it ends.
 */
export function useFolderWatch(onBatch: (event: BatchEvent) => void) {
  const queryClient = useQueryClient();
  const [live, setLive] = useState<FolderWatchProgress | undefined>();
  const query = useQuery({
    queryKey: folderWatchQueryKey,
    queryFn: async () => unwrap(await bridge.getFolderWatch({})),
  });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refetchSoon = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        void queryClient.invalidateQueries({ queryKey: folderWatchQueryKey });
      }, 500);
    };
    const stop = bridge.onEvent((event) => {
      if (event.type === 'folder-watch-progress') {
        setLive(event.progress);
        queryClient.setQueryData<FolderWatchSnapshot>(folderWatchQueryKey, (snapshot) =>
          snapshot
            ? {
                ...snapshot,
                progress: event.progress,
                folders: snapshot.folders.map((folder) => ({
                  ...folder,
                  counts:
                    event.progress.folders.find((f) => f.folderId === folder.id)?.counts ?? folder.counts,
                })),
              }
            : snapshot,
        );
        refetchSoon();
      } else if (event.type === 'folder-watch-batch') {
        onBatch(event);
        // (The 票据 list is refreshed by the app-wide event handler.)
        void queryClient.invalidateQueries({ queryKey: folderWatchQueryKey });
      }
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [queryClient, onBatch]);

  return { query, progress: live ?? query.data?.progress };
}

export function useFolderWatchMutations() {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: folderWatchQueryKey });
  return {
    pick: useMutation({ mutationFn: async () => unwrap(await bridge.pickWatchedFolder({})) }),
    add: useMutation({
      mutationFn: async (args: IpcArgs<'addWatchedFolder'>) => unwrap(await bridge.addWatchedFolder(args)),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: async (args: IpcArgs<'updateWatchedFolder'>) =>
        unwrap(await bridge.updateWatchedFolder(args)),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: async (id: string) => unwrap(await bridge.removeWatchedFolder({ id })),
      onSuccess: refresh,
    }),
    retry: useMutation({
      mutationFn: async () => unwrap(await bridge.retryFolderWatchFailures({})),
      onSuccess: refresh,
    }),
  };
}
