import type { FolderWatchItemState, WatchedFolderView } from '../../../../shared/folder-watch';

export const ITEM_STATE_LABELS: Record<FolderWatchItemState, { text: string; color: string }> = {
  pending: { text: '排队中', color: 'default' },
  uploading: { text: '上传识别中', color: 'processing' },
  done: { text: '已识别', color: 'success' },
  failed: { text: '失败', color: 'error' },
};

export const FOLDER_STATUS_LABELS: Record<WatchedFolderView['status'], { text: string; color: string }> = {
  watching: { text: '监控中', color: 'success' },
  starting: { text: '正在扫描', color: 'processing' },
  paused: { text: '已暂停', color: 'default' },
  error: { text: '出错', color: 'error' },
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
