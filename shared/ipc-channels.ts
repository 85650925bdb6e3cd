/**
 * The names of every IPC call, without their schemas, so the sandboxed preload can build
 * `window.zxe` without bundling zod. `ipc.ts` checks that its contract has exactly these keys.
 */
export const IPC_CALLS = [
  'listAccountSets',
  'getSettings',
  'setConnection',
  'setApiKey',
  'clearApiKey',
  'testConnection',
  'getReport',
  'getChart',
  'listVouchers',
  'createVoucher',
  'listOutbox',
  'retryOutboxItem',
  'confirmOutboxItem',
  'discardOutboxItem',
  'getTrialBalance',
  'getDetailLedger',
  'getUiState',
  'setUiState',
  'listPeriods',
  'closePeriod',
  'reopenPeriod',
  'getVoucher',
  'reverseVoucher',
  'saveVoucherDraft',
  'listVoucherDrafts',
  'deleteVoucherDraft',
  'listVoucherTemplates',
  'saveVoucherTemplate',
  'deleteVoucherTemplate',
  'printVoucher',
  'printStatement',
  'pickWatchedFolder',
  'getFolderWatch',
  'addWatchedFolder',
  'updateWatchedFolder',
  'removeWatchedFolder',
  'retryFolderWatchFailures',
  'recognizeInvoice',
  'listInvoices',
  'getInvoice',
  'getInvoiceFile',
] as const;

export type IpcCallName = (typeof IPC_CALLS)[number];

export const IPC_CHANNEL_PREFIX = 'zxe:';
/** The one channel main pushes events on. */
export const IPC_EVENT_CHANNEL = 'zxe:event';

export function ipcChannel(name: IpcCallName): string {
  return `${IPC_CHANNEL_PREFIX}${name}`;
}
