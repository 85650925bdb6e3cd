import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReportType } from '../../../../shared/api/report';
import { bridge, unwrap } from '../../bridge';
import { useWorkspace } from '../../workspace/useWorkspace';

/** Everything here sits under `reports`, so an engine or connection change refetches it. */
export const reportQueryKeys = {
  statement: (accountSetId: string, type: ReportType, start: string, end: string) =>
    ['reports', 'statement', accountSetId, type, start, end] as const,
  trialBalance: (accountSetId: string, start: string, end: string) =>
    ['reports', 'trial-balance', accountSetId, start, end] as const,
  ledgerPage: (accountSetId: string, code: string, start: string, end: string, page: number, size: number) =>
    ['reports', 'detail-ledger', accountSetId, code, start, end, page, size] as const,
  chart: (accountSetId: string) => ['chart', accountSetId] as const,
};

/** A statement of the workspace's set and period; the previous one stays on screen while the next loads. */
export function useStatement(type: ReportType, range?: { startDate: string; endDate: string }) {
  const { accountSetId, period } = useWorkspace();
  const { startDate, endDate } = range ?? period;
  return useQuery({
    queryKey: reportQueryKeys.statement(accountSetId ?? '', type, startDate, endDate),
    queryFn: async () =>
      unwrap(await bridge.getReport({ accountSetId: accountSetId ?? '', type, startDate, endDate })),
    enabled: accountSetId !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useTrialBalance() {
  const { accountSetId, period } = useWorkspace();
  return useQuery({
    queryKey: reportQueryKeys.trialBalance(accountSetId ?? '', period.startDate, period.endDate),
    queryFn: async () =>
      unwrap(
        await bridge.getTrialBalance({
          accountSetId: accountSetId ?? '',
          startDate: period.startDate,
          endDate: period.endDate,
        }),
      ),
    enabled: accountSetId !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The account set's chart (names of the accounts behind a statement line). */
export function useChartAccounts() {
  const { accountSetId } = useWorkspace();
  return useQuery({
    queryKey: reportQueryKeys.chart(accountSetId ?? ''),
    queryFn: async () => unwrap(await bridge.getChart({ accountSetId: accountSetId ?? '' })),
    enabled: accountSetId !== undefined,
    staleTime: 5 * 60_000,
  });
}
