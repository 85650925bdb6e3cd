import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, Flex, Segmented, Tabs, Typography, Upload } from 'antd';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { InvoiceDirection } from '../../../../shared/api/invoice';
import { errorMessage } from '../../bridge';
import { PageHeading } from '../../components/PageHeading';
import { CacheSourceTag } from '../accounts/CacheSourceTag';
import { useWorkspace } from '../../workspace';
import { BatchVoucherModal } from './BatchVoucherModal';
import { InvoiceDrawer } from './InvoiceDrawer';
import { monthsBetween, useInvoiceVoucherNumbers, useInvoices } from './invoiceQueries';
import { InvoiceTable } from './InvoiceTable';
import { UploadList } from './UploadList';
import {
  UPLOAD_STATE_LABELS,
  UPLOAD_SUMMARY_STATES,
  useUploadItems,
  useUploadQueue,
  type UploadQueue,
} from './uploadQueue';

type Filter = 'all' | 'open' | 'booked' | 'duplicate';

const LIST_REFRESH_MS = 1000;

/**
 * The summary and the rows of the dropped files. It alone follows the queue, so a batch's progress
 * renders this section and never the page around it (tabs, filters, the invoice table).
 */
const UploadSection = memo(function UploadSection({
  queue,
  onOpen,
}: {
  queue: UploadQueue;
  onOpen: (invoiceId: string) => void;
}) {
  // Rendered at once, not deferred: the list draws only the rows in view and each row is memoised,
  // so a drop or a progress step costs a few rows, and the first rows paint in the drop's frame.
  const { items, counts } = useUploadItems(queue);
  const retry = useCallback((id: string) => queue.retry(id), [queue]);
  if (items.length === 0) return null;
  const busy = (counts.uploading ?? 0) + (counts.recognizing ?? 0) + (counts.waiting ?? 0);
  return (
    <Flex vertical gap={6}>
      <Flex justify="space-between" align="center">
        <Typography.Text data-testid="upload-summary">
          {UPLOAD_SUMMARY_STATES.filter((s) => counts[s])
            .map((s) => `${UPLOAD_STATE_LABELS[s]} ${String(counts[s])}`)
            .join(' · ')}
        </Typography.Text>
        <Button size="small" onClick={() => queue.clearFinished()} disabled={busy > 0}>
          清除已完成
        </Button>
      </Flex>
      <UploadList items={items} onRetry={retry} onOpen={onOpen} />
    </Flex>
  );
});

/** `fn` at most once per `ms`: the first call runs at once, later ones within the window once at its end. */
function useThrottled(fn: () => void, ms: number): () => void {
  const latest = useRef(fn);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const last = useRef(0);
  useEffect(() => {
    latest.current = fn;
  }, [fn]);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    if (timer.current !== undefined) return;
    const wait = last.current + ms - Date.now();
    if (wait <= 0) {
      last.current = Date.now();
      latest.current();
      return;
    }
    timer.current = setTimeout(() => {
      timer.current = undefined;
      last.current = Date.now();
      latest.current();
    }, wait);
  }, [ms]);
}

/** 票据: drop invoices, see them recognised, open one, make vouchers from one or many. */
export function InvoicesPage() {
  const { accountSetId, period, readOnly } = useWorkspace();
  const queryClient = useQueryClient();
  const [direction, setDirection] = useState<InvoiceDirection>('purchase');
  const [filter, setFilter] = useState<Filter>('all');
  const [openId, setOpenId] = useState<string | undefined>();
  const [selected, setSelected] = useState<string[]>([]);
  const [batchOpen, setBatchOpen] = useState(false);
  const months = useMemo(() => monthsBetween(period.startDate, period.endDate), [period]);
  const invoices = useInvoices(accountSetId, months, direction);
  const links = useInvoiceVoucherNumbers(accountSetId, period.startDate, period.endDate);
  // A batch of 50 recognises 50 invoices: the list is fetched again at most once a second (the first
  // at once, the last after the batch), not 50 times over.
  const refreshList = useThrottled(
    useCallback(() => void queryClient.invalidateQueries({ queryKey: ['invoices', 'list'] }), [queryClient]),
    LIST_REFRESH_MS,
  );
  const uploadQueue = useUploadQueue(accountSetId, refreshList);
  const beforeUpload = useCallback(
    (file: File) => {
      uploadQueue.add([file]);
      return Upload.LIST_IGNORE;
    },
    [uploadQueue],
  );

  // List refreshes render at low priority: React slices the work between frames and skips states a
  // newer one has replaced.
  const listed = useDeferredValue(invoices.data);
  const rows = useMemo(() => {
    const all = listed?.invoices ?? [];
    return all.filter((i) => {
      const booked = links.byInvoice.has(i.invoice_id);
      if (filter === 'open') return !booked && !i.duplicate;
      if (filter === 'booked') return booked;
      if (filter === 'duplicate') return i.duplicate !== null;
      return true;
    });
  }, [listed, links.byInvoice, filter]);
  const selectedInvoices = useMemo(
    () => (invoices.data?.invoices ?? []).filter((i) => selected.includes(i.invoice_id)),
    [invoices.data, selected],
  );
  if (!accountSetId) return <Empty description="请先选择账套" />;

  return (
    <Flex vertical gap={16}>
      <PageHeading title="票据" description="拖入发票文件自动识别，核对后生成凭证；重复票据会被标出。" />
      {readOnly ? <Alert type="warning" showIcon title="账套已冻结，只能查看票据" /> : null}
      {!readOnly ? (
        <Upload.Dragger
          multiple
          showUploadList={false}
          data-testid="invoice-dropzone"
          beforeUpload={beforeUpload}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">把发票文件拖到这里，或点击选择（可一次多个）</p>
          <p className="ant-upload-hint">支持 JPG、PNG、PDF、OFD、XML，每个文件不超过 10MB</p>
        </Upload.Dragger>
      ) : null}
      <UploadSection queue={uploadQueue} onOpen={setOpenId} />
      <Tabs
        activeKey={direction}
        onChange={(key) => {
          setDirection(key as InvoiceDirection);
          setSelected([]);
        }}
        items={[
          { key: 'purchase', label: '进项' },
          { key: 'sale', label: '销项' },
        ]}
        tabBarExtraContent={
          <Flex gap={8} align="center" wrap>
            <Segmented<Filter>
              size="small"
              value={filter}
              onChange={setFilter}
              options={[
                { value: 'all', label: '全部' },
                { value: 'open', label: '未生成凭证' },
                { value: 'booked', label: '已生成凭证' },
                { value: 'duplicate', label: '重复' },
              ]}
            />
            <Button
              type="primary"
              disabled={selected.length === 0 || readOnly}
              onClick={() => setBatchOpen(true)}
              data-testid="batch-generate"
            >
              批量生成凭证{selected.length > 0 ? `（${String(selected.length)}）` : ''}
            </Button>
          </Flex>
        }
      />
      {invoices.isError ? (
        <Alert type="error" showIcon title="无法读取票据" description={errorMessage(invoices.error)} />
      ) : null}
      {invoices.data?.cachedAt ? <CacheSourceTag fetchedAt={invoices.data.cachedAt} /> : null}
      <InvoiceTable
        rows={rows}
        direction={direction}
        loading={invoices.isPending}
        links={links.byInvoice}
        selected={selected}
        onSelect={setSelected}
        onOpen={setOpenId}
      />
      {openId ? (
        <InvoiceDrawer
          key={openId}
          accountSetId={accountSetId}
          invoiceId={openId}
          fallbackDate={period.endDate}
          voucher={links.byInvoice.get(openId)}
          onClose={() => setOpenId(undefined)}
        />
      ) : null}
      {batchOpen ? (
        <BatchVoucherModal
          accountSetId={accountSetId}
          invoices={selectedInvoices}
          onClose={() => {
            setBatchOpen(false);
            setSelected([]);
          }}
        />
      ) : null}
    </Flex>
  );
}
