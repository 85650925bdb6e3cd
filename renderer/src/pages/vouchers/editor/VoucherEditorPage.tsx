import { ArrowLeftOutlined, FileAddOutlined, SaveOutlined, SnippetsOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PeriodListResponse } from '../../../../../shared/api/ledger';
import type { ChartLookup } from '../../../../../shared/ledger/voucher-rules';
import type {
  StoredDraft,
  VoucherDraft,
  VoucherTemplate,
} from '../../../../../shared/vouchers/voucher-drafts';
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
import type { AccountIndex } from './accountIndex';
import { createDraftStore, useDraft, type DraftStore } from './draftStore';
import { TemplatesModal, type TemplatesModalProps } from './TemplatesModal';
import { VoucherEditor, type VoucherEditorActions } from './VoucherEditor';

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

const NO_PROBLEMS: readonly EditorProblem[] = [];

/**
 * 新增凭证: the editor with its draft kept in main's cache (saved as you type, offered back after a
 * crash or restart), save through the outbox (待发送 when the engine is unreachable), templates (F4)
 * and PgUp / PgDn to the neighbouring vouchers.
 *
 * The draft lives in a store, not in this page's state: a keystroke renders the grid's line, its
 * 合计 and the small parts below that read the draft, never the page's toolbar and alerts.
 */
export function VoucherEditorPage({ accountSetId }: VoucherEditorPageProps) {
  const { message } = App.useApp();
  const { period, readOnly } = useWorkspace();
  const chart = useChart(accountSetId);
  const periods = usePeriods(accountSetId);
  const templates = useTemplates(accountSetId);
  const refresh = useRefreshAfterPosting();
  const [store] = useState(() => createDraftStore(emptyDraft(defaultDate(period.startDate, period.endDate))));
  const [problems, setProblems] = useState<readonly EditorProblem[]>(NO_PROBLEMS);
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
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe(() => {
      clearTimeout(timer);
      if (!touched.current) return;
      const draft = store.get();
      timer = setTimeout(() => {
        const call = hasWork(draft)
          ? bridge.saveVoucherDraft({ accountSetId, draftKey: NEW_DRAFT_KEY, draft })
          : bridge.deleteVoucherDraft({ accountSetId, draftKey: NEW_DRAFT_KEY });
        void call;
      }, AUTOSAVE_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store, accountSetId]);

  const chartData = chart.chart;
  const save = useMutation({
    mutationFn: async (request: ReturnType<typeof toCreateRequest>['request']) =>
      unwrap(await bridge.createVoucher({ voucher: request })),
  });

  // What the handlers below read when they run; they are made once, so the memoised parts keep them.
  const now = {
    accountSetId,
    chartData,
    periods: periods.data,
    period,
    readOnly,
    tried,
    offered,
    engineError,
  };
  const latest = useRef(now);
  useLayoutEffect(() => {
    latest.current = now;
  });

  const handlers = useMemo(() => {
    function change(next: VoucherDraft): void {
      const { offered: offeredNow, engineError: errorNow, tried: triedNow } = latest.current;
      touched.current = true;
      if (offeredNow) setOffered(undefined);
      if (errorNow !== undefined) setEngineError(undefined);
      store.set(next);
      if (triedNow) {
        const found = toCreateRequest(
          latest.current.accountSetId,
          next,
          latest.current.chartData?.lookup,
        ).problems;
        setProblems((shown) => (sameProblems(shown, found) ? shown : found));
      }
    }

    function reset(): void {
      const { accountSetId: id, period: p } = latest.current;
      touched.current = false;
      setTried(false);
      setProblems(NO_PROBLEMS);
      store.set(emptyDraft(store.get().date || defaultDate(p.startDate, p.endDate)));
      setFocusRequest((n) => n + 1);
      void bridge.deleteVoucherDraft({ accountSetId: id, draftKey: NEW_DRAFT_KEY });
    }

    function submit(then: 'view' | 'new'): void {
      const { accountSetId: id, chartData: data, periods: list, readOnly: frozen } = latest.current;
      if (saveRef.current.isPending || frozen) return;
      setTried(true);
      const draft = store.get();
      const plan = toCreateRequest(id, draft, data?.lookup);
      const dateProblem = closedPeriodMessage(draft.date, list);
      const all = dateProblem ? [{ message: dateProblem }, ...plan.problems] : plan.problems;
      setProblems(all);
      if (all.length > 0) return;
      setEngineError(undefined);
      saveRef.current.mutate(plan.request, {
        onSuccess: (result) => {
          refreshRef.current();
          void bridge.deleteVoucherDraft({ accountSetId: id, draftKey: NEW_DRAFT_KEY });
          touched.current = false;
          if (result.status === 'created') {
            void messageRef.current.success(`已保存 ${result.voucher_no}`);
            if (then === 'view') navigateTo('vouchers', result.voucher_id);
          } else {
            void messageRef.current.warning(result.message);
            if (then === 'view') navigateTo('vouchers');
          }
          if (then === 'new') reset();
        },
        onError: (error) => setEngineError(errorMessage(error)),
      });
    }

    function navigate(step: -1 | 1): void {
      const { accountSetId: id, periods: list, period: p } = latest.current;
      if (!list) return;
      const month = (store.get().date || p.endDate).slice(0, 7);
      void neighbourVoucher(id, list, month, undefined, step).then((voucherId) => {
        if (voucherId) navigateTo('vouchers', voucherId);
        else void messageRef.current.info('没有更多凭证');
      });
    }

    return {
      change,
      submit,
      navigate,
      openTemplates: () => setTemplatesOpen(true),
      closeTemplates: () => {
        setTemplatesOpen(false);
        setFocusRequest((n) => n + 1);
      },
      applyTemplate: (template: VoucherTemplate) => {
        setTemplatesOpen(false);
        change({ ...store.get(), lines: withTrailingBlank(template.lines) });
        setFocusRequest((n) => n + 1);
      },
    };
  }, [store]);
  const saveRef = useRef(save);
  const refreshRef = useRef(refresh);
  const messageRef = useRef(message);
  useLayoutEffect(() => {
    saveRef.current = save;
    refreshRef.current = refresh;
    messageRef.current = message;
  });

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
            onClick={() => handlers.submit('new')}
            loading={save.isPending}
            disabled={readOnly}
          >
            保存并新增 (F12)
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            onClick={() => handlers.submit('view')}
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
                  store.set({ ...offered.draft, lines: withTrailingBlank(offered.draft.lines) });
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
        <EditorPane
          store={store}
          accounts={chartData?.index}
          periods={periods.data}
          templates={templates.data?.templates}
          problems={tried ? problems : NO_PROBLEMS}
          disabled={readOnly}
          focusRequest={focusRequest}
          onChange={handlers.change}
          onSave={handlers.submit}
          onNavigate={handlers.navigate}
          onOpenTemplates={handlers.openTemplates}
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
      <ReadyHint store={store} accountSetId={accountSetId} lookup={chartData?.lookup} active={!tried} />
      <TemplatesPane
        store={store}
        accountSetId={accountSetId}
        open={templatesOpen}
        onClose={handlers.closeTemplates}
        onApply={handlers.applyTemplate}
      />
    </Flex>
  );
}

function sameProblems(a: readonly EditorProblem[], b: readonly EditorProblem[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((p, i) => {
    const q = b[i];
    return q !== undefined && p.message === q.message && p.line === q.line;
  });
}

interface EditorPaneProps extends VoucherEditorActions {
  store: DraftStore;
  accounts: AccountIndex | undefined;
  periods: PeriodListResponse | undefined;
  templates: readonly VoucherTemplate[] | undefined;
  problems: readonly EditorProblem[];
  disabled: boolean;
  focusRequest: number;
  onChange: (draft: VoucherDraft) => void;
}

/** The grid, reading the draft from the store: the one part of the page a keystroke renders. */
const EditorPane = memo(function EditorPane(props: EditorPaneProps) {
  const { store, periods, templates, ...rest } = props;
  const draft = useDraft(store);
  const abstractSuggestions = useMemo(() => {
    const seen = new Set<string>();
    for (const line of draft.lines) if (line.abstract.trim()) seen.add(line.abstract.trim());
    for (const t of templates ?? [])
      for (const line of t.lines) if (line.abstract.trim()) seen.add(line.abstract.trim());
    return [...seen];
  }, [draft.lines, templates]);
  return (
    <VoucherEditor
      {...rest}
      draft={draft}
      nextNumber={nextVoucherNumber(draft.date, periods)}
      dateProblem={closedPeriodMessage(draft.date, periods)}
      abstractSuggestions={abstractSuggestions}
    />
  );
});

const ReadyText = memo(function ReadyText() {
  return (
    <Typography.Text type="success" data-testid="editor-ready">
      借贷平衡，可以保存
    </Typography.Text>
  );
});

/** Runs `task` once the browser is idle (after the frame the keystroke painted); returns a cancel. */
function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(task, { timeout: 500 });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(task, 50);
  return () => clearTimeout(id);
}

/**
 * 借贷平衡，可以保存 while nothing stops saving. The full check (the engine's schema and rules) runs
 * when the browser is idle after a change — once for a burst of keys, never between a key and its
 * paint — and this renders only when the answer changes.
 */
const ReadyHint = memo(function ReadyHint(props: {
  store: DraftStore;
  accountSetId: string;
  lookup: ChartLookup | undefined;
  active: boolean;
}) {
  const { store, accountSetId, lookup, active } = props;
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!active) return undefined;
    let cancel: (() => void) | undefined;
    const check = () => {
      cancel = undefined;
      setReady(toCreateRequest(accountSetId, store.get(), lookup).problems.length === 0);
    };
    const schedule = () => {
      cancel ??= whenIdle(check);
    };
    // At once when it starts showing (or the chart arrives): no stale answer from before.
    check();
    const unsubscribe = store.subscribe(schedule);
    return () => {
      unsubscribe();
      cancel?.();
    };
  }, [store, accountSetId, lookup, active]);
  return active && ready ? <ReadyText /> : null;
});

/** The dialog renders again for its parent only when it opens or closes, or while open. */
const MemoTemplatesModal = memo(
  TemplatesModal,
  (a, b) =>
    a.open === b.open &&
    a.accountSetId === b.accountSetId &&
    a.onClose === b.onClose &&
    a.onApply === b.onApply &&
    (!b.open || a.lines === b.lines),
);

function TemplatesPane(props: Omit<TemplatesModalProps, 'lines'> & { store: DraftStore }) {
  const { store, ...rest } = props;
  const draft = useDraft(store);
  return <MemoTemplatesModal {...rest} lines={draft.lines} />;
}
