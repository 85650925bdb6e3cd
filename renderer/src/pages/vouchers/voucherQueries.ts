import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ChartLookup } from '../../../../shared/ledger/voucher-rules';
import { bridge, unwrap } from '../../bridge';
import { buildAccountIndex, type AccountIndex } from './editor/accountIndex';

/**
 * Everything the 凭证 pages read, through the bridge. Keys start with the engine-data roots of
 * `queryKeys.engineData` (`chart`, `vouchers`), so a reconnect or a delivered outbox item refreshes them.
 */

export const voucherKeys = {
  chart: (accountSetId: string) => ['chart', accountSetId] as const,
  list: (accountSetId: string, filter: VoucherListFilter) =>
    ['vouchers', 'list', accountSetId, filter] as const,
  one: (voucherId: string) => ['vouchers', 'one', voucherId] as const,
  periods: (accountSetId: string) => ['vouchers', 'periods', accountSetId] as const,
  drafts: (accountSetId: string) => ['voucher-drafts', accountSetId] as const,
  templates: (accountSetId: string) => ['voucher-templates', accountSetId] as const,
};

export interface VoucherListFilter {
  startDate: string;
  endDate: string;
  search?: string;
}

export const LIST_PAGE_SIZE = 100;

export interface ChartData {
  index: AccountIndex;
  lookup: ChartLookup;
}

export function useChart(accountSetId: string | undefined) {
  const query = useQuery({
    queryKey: voucherKeys.chart(accountSetId ?? ''),
    queryFn: async () => unwrap(await bridge.getChart({ accountSetId: accountSetId ?? '' })),
    enabled: accountSetId !== undefined,
    staleTime: 60_000,
  });
  const accounts = query.data?.data.accounts;
  const chart = useMemo<ChartData | undefined>(() => {
    if (!accounts) return undefined;
    const index = buildAccountIndex(accounts);
    return {
      index,
      lookup: {
        nameOf: (code) => index.byCode.get(code)?.name,
        isLeaf: (code) => index.byCode.get(code)?.isLeaf ?? false,
      },
    };
  }, [accounts]);
  return { ...query, chart };
}

export function useVoucherPages(accountSetId: string | undefined, filter: VoucherListFilter) {
  return useInfiniteQuery({
    queryKey: voucherKeys.list(accountSetId ?? '', filter),
    enabled: accountSetId !== undefined,
    initialPageParam: 1,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await bridge.listVouchers({
          accountSetId: accountSetId ?? '',
          startDate: filter.startDate,
          endDate: filter.endDate,
          ...(filter.search ? { search: filter.search } : {}),
          page: pageParam,
          pageSize: LIST_PAGE_SIZE,
        }),
      ),
    getNextPageParam: (last) =>
      last.data.page * last.data.page_size < last.data.total ? last.data.page + 1 : undefined,
  });
}

export function useVoucher(voucherId: string | undefined) {
  return useQuery({
    queryKey: voucherKeys.one(voucherId ?? ''),
    queryFn: async () => unwrap(await bridge.getVoucher({ voucherId: voucherId ?? '' })),
    enabled: voucherId !== undefined && voucherId !== '',
  });
}

export function usePeriods(accountSetId: string | undefined) {
  return useQuery({
    queryKey: voucherKeys.periods(accountSetId ?? ''),
    queryFn: async () => unwrap(await bridge.listPeriods({ accountSetId: accountSetId ?? '' })),
    enabled: accountSetId !== undefined,
  });
}

export function useTemplates(accountSetId: string | undefined) {
  return useQuery({
    queryKey: voucherKeys.templates(accountSetId ?? ''),
    queryFn: async () => unwrap(await bridge.listVoucherTemplates({ accountSetId: accountSetId ?? '' })),
    enabled: accountSetId !== undefined,
  });
}

/** Refreshes what a new or reversed voucher changes: lists, the voucher itself, periods and statements. */
export function useRefreshAfterPosting(): () => void {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['vouchers'] });
    void queryClient.invalidateQueries({ queryKey: ['reports'] });
    void queryClient.invalidateQueries({ queryKey: ['outbox'] });
  };
}
