import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { InvoiceDirection, InvoiceRecord } from '../../../../shared/api/invoice';
import { bridge, unwrap } from '../../bridge';

export const invoiceKeys = {
  list: (accountSetId: string, months: readonly string[], direction: InvoiceDirection) =>
    ['invoices', 'list', accountSetId, months.join(','), direction] as const,
  file: (invoiceId: string) => ['invoices', 'file', invoiceId] as const,
};

/** The months (YYYY-MM) a workspace period covers. */
export function monthsBetween(startDate: string, endDate: string): string[] {
  const months: string[] = [];
  let [year, month] = startDate.slice(0, 7).split('-').map(Number) as [number, number];
  const last = endDate.slice(0, 7);
  for (let guard = 0; guard < 240; guard++) {
    const text = `${String(year)}-${String(month).padStart(2, '0')}`;
    if (text > last) break;
    months.push(text);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** The account set's invoices issued in the period's months (up to 100 per month), newest first. */
export function useInvoices(
  accountSetId: string | undefined,
  months: readonly string[],
  direction: InvoiceDirection,
) {
  return useQuery({
    queryKey: invoiceKeys.list(accountSetId ?? '', months, direction),
    enabled: accountSetId !== undefined && months.length > 0,
    queryFn: async () => {
      const pages = await Promise.all(
        months.map(async (period) =>
          unwrap(
            await bridge.listInvoices({ accountSetId: accountSetId ?? '', period, direction, pageSize: 100 }),
          ),
        ),
      );
      const invoices = pages.flatMap((p) => p.invoices);
      const total = pages.reduce((s, p) => s + p.total, 0);
      // Offline, a month comes from the cache: the oldest copy shown is the one to mention.
      const cachedAt = pages.flatMap((p) => (p.cachedAt ? [p.cachedAt] : [])).sort()[0] ?? null;
      return {
        invoices: invoices.sort((a, b) => (b.issue_date ?? '').localeCompare(a.issue_date ?? '')),
        total,
        cachedAt,
      };
    },
  });
}

/** 凭证字号 of the voucher each invoice is attached to, from the period's vouchers. */
export function useInvoiceVoucherNumbers(
  accountSetId: string | undefined,
  startDate: string,
  endDate: string,
) {
  const query = useQuery({
    queryKey: ['vouchers', 'invoice-links', accountSetId ?? '', startDate, endDate],
    enabled: accountSetId !== undefined,
    queryFn: async () => {
      const found: { voucherId: string; voucherNo: string; attachments: string[]; status: string }[] = [];
      for (let page = 1; page <= 50; page++) {
        const answer = unwrap(
          await bridge.listVouchers({
            accountSetId: accountSetId ?? '',
            startDate,
            endDate,
            page,
            pageSize: 100,
          }),
        ).data;
        for (const v of answer.vouchers) {
          if (v.attachments.length > 0)
            found.push({
              voucherId: v.voucher_id,
              voucherNo: v.voucher_no,
              attachments: v.attachments,
              status: v.status,
            });
        }
        if (page * answer.page_size >= answer.total) break;
      }
      return found;
    },
  });
  const byInvoice = useMemo(() => {
    const map = new Map<string, { voucherId: string; voucherNo: string }>();
    for (const v of query.data ?? []) {
      if (v.status === 'voided') continue;
      for (const id of v.attachments) map.set(id, { voucherId: v.voucherId, voucherNo: v.voucherNo });
    }
    return map;
  }, [query.data]);
  return { ...query, byInvoice };
}

export function sellerOrBuyer(invoice: InvoiceRecord): string {
  return (invoice.direction === 'sale' ? invoice.buyer.name : invoice.seller.name) ?? '—';
}
