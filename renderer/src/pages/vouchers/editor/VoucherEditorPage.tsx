import { ArrowLeftOutlined, FileAddOutlined, SaveOutlined, SnippetsOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { StoredDraft, VoucherDraft } from '../../../../../shared/vouchers/voucher-drafts';
import { bridge, errorMessage, unwrap } from '../../../bridge';
import { navigateTo } from '../../../navigation/hashNavigation';
import { useWorkspace } from '../../../workspace';
import { neighbourVoucher } from '../voucherNeighbors';
import { useChart, usePeriods, useRefreshAfterPosting, voucherKeys, useTemplates } from '../voucherQueries';
import { closedPeriodMessage, nextVoucherNumber } from '../voucherStatus';
import {
  emptyDraft,
  filledLines,
  toCreateRequest,
  withTrailingBlank,
  type EditorProblem,
} from './editorModel';
import { TemplatesModal } from './TemplatesModal';
import { VoucherEditor } from './VoucherEditor';

/** The blank editor's draft; one per account set. */
export const NEW_DRAFT_KEY = 'new';
const AUTOSAVE_MS = 400;

/** Today when it lies in the workspace period, else the period's last day. */
function defaultDate(startDate: string, endDate: string): string {
  const today = dayjs().format('YYYY-MM-DD');
  return today >= startDate && today <= endDate ? today : endDate;
}

function hasWork(draft: VoucherDraft): boolean {
  return filledLines(draft.lines).length > 0 || draft.attachmentCount > 0;
}

export interface VoucherEditorPageProps {
  accountSetId: string;
}

/**
 * 新增凭证: the editor with its draft kept in main's cache (saved as you type, offered back after a
 * crash or restart), save through the outbox (待发送 when the engine is unreachable), templates (F4)
 * and PgUp / PgDn to the neighbouring vouchers.
 */
export function VoucherEditorPage({ accountSetId }: VoucherEditorPageProps) {
  const { message } = App.useApp();
  const { period, readOnly } = useWorkspace();
  const chart = useChart(accountSetId);
  const periods = usePeriods(accountSetId);
  const templates = useTemplates(accountSetId);
  const refresh = useRefreshAfterPosting();
  const [draft, setDraft] = useState<VoucherDraft>(() =>
    emptyDraft(defaultDate(period.startDate, period.endDate)),
  );
  const [problems, setProblems] = useState<EditorProblem[]>([]);
  const [tried, setTried] = useState(false);
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const [offered, setOffered] = useState<StoredDraft | undefined>();
  const [engineError, setEngineError] = useState<string | undefined>();
  const touched = useRef(false);
  const [focusRequest, setFocusRequest] = useState(0);

  const drafts = useQuery({
    queryKey: voucherKeys.drafts(accountSetId),
    queryFn: async () => unwrap(await bridge.listVoucherDrafts({ accountSetId })),
    staleTime: Infinity,
    gcTime: 0,
  });
  useEffect(() => {
    const stored = drafts.data?.drafts.find((d) => d.draftKey === NEW_DRAFT_KEY);
    if (stored && hasWork(stored.draft) && !touched.current) setOffered(stored);
  }, [drafts.data]);

  // Autosave: every change goes to main's cache shortly after typing stops.
  useEffect(() => {
    if (!touched.current) return undefined;
    const timer = setTimeout(() => {
      const call = hasWork(draft)
        ? bridge.saveVoucherDraft({ accountSetId, draftKey: NEW_DRAFT_KEY, draft })
        : bridge.deleteVoucherDraft({ accountSetId, draftKey: NEW_DRAFT_KEY });
      void call;
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [draft, accountSetId]);

  const dateProblem = closedPeriodMessage(draft.date, periods.data);
  const nextNumber = nextVoucherNumber(draft.date, periods.data);
  const chartData = chart.chart;
  // The full check (the engine's schema and rules) runs on a deferred copy, off the keystroke's path.
  const deferredDraft = useDeferredValue(draft);
  const livePlan = useMemo(
    () => toCreateRequest(accountSetId, deferredDraft, chartData?.lookup),
    [accountSetId, deferredDraft, chartData],
  );
  const abstractSuggestions = useMemo(() => {
    const seen = new Set<string>();
    for (const line of draft.lines) if (line.abstract.trim()) seen.add(line.abstract.trim());
    for (const t of templates.data?.templates ?? [])
      for (const line of t.lines) if (line.abstract.trim()) seen.add(line.abstract.trim());
    return [...seen];
  }, [draft.lines, templates.data]);

  function change(next: VoucherDraft): void {
    touched.current = true;
    setOffered(undefined);
    setEngineError(undefined);
    setDraft(next);
    if (tried) setProblems(toCreateRequest(accountSetId, next, chartData?.lookup).problems);
  }

  function reset(): void {
    touched.current = false;
    setTried(false);
    setProblems([]);
    setDraft(emptyDraft(draft.date || defaultDate(period.startDate, period.endDate)));
    setFocusRequest((n) => n + 1);
    void bridge.deleteVoucherDraft({ accountSetId, draftKey: NEW_DRAFT_KEY });
  }

  const save = useMutation({
    mutationFn: async (request: ReturnType<typeof toCreateRequest>['request']) =>
      unwrap(await bridge.createVoucher({ voucher: request })),
  });

  function submit(then: 'view' | 'new'): void {
    if (save.isPending || readOnly) return;
    setTried(true);
    const plan = toCreateRequest(accountSetId, draft, chartData?.lookup);
    const all = dateProblem ? [{ message: dateProblem }, ...plan.problems] : plan.problems;
    setProblems(all);
    if (all.length > 0) return;
    setEngineError(undefined);
    save.mutate(plan.request, {
      onSuccess: (result) => {
        refresh();
        void bridge.deleteVoucherDraft({ accountSetId, draftKey: NEW_DRAFT_KEY });
        touched.current = false;
        if (result.status === 'created') {
          void message.success(`已保存 ${result.voucher_no}`);
          if (then === 'view') navigateTo('vouchers', result.voucher_id);
        } else {
          void message.warning(result.message);
          if (then === 'view') navigateTo('vouchers');
        }
        if (then === 'new') reset();
      },
      onError: (error) => setEngineError(errorMessage(error)),
    });
  }

  function navigate(step: -1 | 1): void {
    if (!periods.data) return;
    const month = (draft.date || period.endDate).slice(0, 7);
    void neighbourVoucher(accountSetId, periods.data, month, undefined, step).then((id) => {
      if (id) navigateTo('vouchers', id);
      else void message.info('没有更多凭证');
    });
  }

  if (chart.isPending) return <Spin />;

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigateTo('vouchers')}>
            凭证列表
          </Button>
          <Typography.Text type="secondary">
            Enter/Tab 下一格 · = 找平 · 空格 换方向 · F7 选科目 · Ctrl+S 保存 · F12 保存并新增 · F4 模板
          </Typography.Text>
        </Space>
        <Space>
          <Button
            icon={<SnippetsOutlined />}
            onClick={() => setTemplatesOpen(true)}
            data-testid="open-templates"
          >
            模板 (F4)
          </Button>
          <Button
            icon={<FileAddOutlined />}
            onClick={() => submit('new')}
            loading={save.isPending}
            disabled={readOnly}
          >
            保存并新增 (F12)
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            onClick={() => submit('view')}
            loading={save.isPending}
            disabled={readOnly}
            data-testid="save-voucher"
          >
            保存 (Ctrl+S)
          </Button>
        </Space>
      </Flex>
      {readOnly ? <Alert type="warning" showIcon title="账套已冻结，只能查看，不能新增凭证" /> : null}
      {chart.isError ? (
        <Alert type="error" showIcon title="无法读取科目表" description={errorMessage(chart.error)} />
      ) : null}
      {offered ? (
        <Alert
          type="info"
          showIcon
          data-testid="draft-offer"
          title={`有一张未保存的凭证草稿（${dayjs(offered.savedAt).format('M月D日 HH:mm')} 自动保存，${String(filledLines(offered.draft.lines).length)} 行分录）`}
          action={
            <Space>
              <Button
                size="small"
                type="primary"
                data-testid="restore-draft"
                onClick={() => {
                  touched.current = true;
                  setDraft({ ...offered.draft, lines: withTrailingBlank(offered.draft.lines) });
                  setOffered(undefined);
                }}
              >
                恢复草稿
              </Button>
              <Button
                size="small"
                onClick={() => {
                  setOffered(undefined);
                  void bridge.deleteVoucherDraft({ accountSetId, draftKey: NEW_DRAFT_KEY });
                }}
              >
                丢弃
              </Button>
            </Space>
          }
        />
      ) : null}
      <div className="zxe-voucher-paper">
        <VoucherEditor
          draft={draft}
          onChange={change}
          accounts={chartData?.index}
          nextNumber={nextNumber}
          dateProblem={dateProblem}
          problems={tried ? problems : []}
          abstractSuggestions={abstractSuggestions}
          disabled={readOnly}
          onSave={submit}
          onNavigate={navigate}
          onOpenTemplates={() => setTemplatesOpen(true)}
          focusRequest={focusRequest}
        />
      </div>
      {tried && problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          data-testid="editor-problems"
          title="凭证还不能保存"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.slice(0, 8).map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {engineError ? <Alert type="error" showIcon title={engineError} data-testid="engine-error" /> : null}
      {!tried && livePlan.problems.length === 0 ? (
        <Typography.Text type="success" data-testid="editor-ready">
          借贷平衡，可以保存
        </Typography.Text>
      ) : null}
      <TemplatesModal
        accountSetId={accountSetId}
        open={templatesOpen}
        lines={draft.lines}
        onClose={() => {
          setTemplatesOpen(false);
          setFocusRequest((n) => n + 1);
        }}
        onApply={(template) => {
          setTemplatesOpen(false);
          change({ ...draft, lines: withTrailingBlank(template.lines) });
          setFocusRequest((n) => n + 1);
        }}
      />
    </Flex>
  );
}
