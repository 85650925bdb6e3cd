import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PeriodCloseResponse, PeriodInfo } from '../../../../../shared/api/ledger';
import { bridge, errorMessage, unwrap } from '../../../bridge';
import { navigateTo } from '../../../navigation/hashNavigation';
import { useWorkspace } from '../../../workspace/useWorkspace';
import { workspaceQueryKeys } from '../../../workspace/workspaceQueryKeys';
import { useQuery } from '@tanstack/react-query';
import { formatAmount } from '../format';

/** 结账 / 反结账: the periods with their status, each action behind a confirmation that says what happens. */
export function ClosingView() {
  const { accountSetId, readOnly } = useWorkspace();
  const queryClient = useQueryClient();
  const { modal, message } = App.useApp();
  const [lastClose, setLastClose] = useState<PeriodCloseResponse | undefined>();
  const periods = useQuery({
    queryKey: workspaceQueryKeys.periods(accountSetId ?? ''),
    queryFn: async () => unwrap(await bridge.listPeriods({ accountSetId: accountSetId ?? '' })),
    enabled: accountSetId !== undefined,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['reports'] });
  const close = useMutation({
    mutationFn: async (period: string) =>
      unwrap(await bridge.closePeriod({ accountSetId: accountSetId ?? '', period })),
    onSuccess: async (result) => {
      setLastClose(result);
      message.success(`${result.period} 已结账`);
      await refresh();
    },
    onError: (error) => message.error(errorMessage(error)),
  });
  const reopen = useMutation({
    mutationFn: async (period: string) =>
      unwrap(await bridge.reopenPeriod({ accountSetId: accountSetId ?? '', period })),
    onSuccess: async (result) => {
      setLastClose(undefined);
      message.success(
        `${result.period} 已反结账${result.voided_voucher_no ? `，结转凭证 ${result.voided_voucher_no} 已作废` : ''}`,
      );
      await refresh();
    },
    onError: (error) => message.error(errorMessage(error)),
  });

  if (!accountSetId) return <Alert type="info" showIcon title="请先选择账套" />;
  if (periods.isError)
    return <Alert type="error" showIcon title="期间加载失败" description={errorMessage(periods.error)} />;
  const rows = periods.data?.periods ?? [];
  const firstOpen = rows.find((p) => p.status === 'open');
  const lastClosed = [...rows].reverse().find((p) => p.status === 'closed');

  function confirmClose(p: PeriodInfo) {
    modal.confirm({
      title: `结账 ${p.period}？`,
      content: (
        <Typography.Paragraph>
          将生成一张「结转损益」凭证，把本期所有损益类科目的发生额转入 3103 本年利润
          {p.period.endsWith('-12') ? '，并把本年利润转入 3104 利润分配' : ''}
          。结账后本期不能再记账，需要修改时可以反结账。
        </Typography.Paragraph>
      ),
      okText: '结账',
      cancelText: '取消',
      onOk: () => close.mutateAsync(p.period),
    });
  }
  function confirmReopen(p: PeriodInfo) {
    modal.confirm({
      title: `反结账 ${p.period}？`,
      content: (
        <Typography.Paragraph>
          本期的结转损益凭证将作废（凭证号保留、不再使用），期间重新开放记账。只能反结账最后一个已结账的期间。
        </Typography.Paragraph>
      ),
      okText: '反结账',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => reopen.mutateAsync(p.period),
    });
  }

  return (
    <Flex vertical gap={12}>
      {readOnly ? <Alert type="warning" showIcon title="账套已冻结：只能查看，不能结账或反结账" /> : null}
      {lastClose ? (
        <Alert
          type="success"
          showIcon
          data-testid="closing-result"
          title={`${lastClose.period} 已结账：本期净利润 ${formatAmount(lastClose.net_profit, true)} 元`}
          description={
            lastClose.closing_voucher_id ? (
              <span>
                结转损益凭证{' '}
                <Button
                  type="link"
                  size="small"
                  onClick={() => navigateTo('vouchers', lastClose.closing_voucher_id ?? '')}
                >
                  {lastClose.closing_voucher_no}
                </Button>
              </span>
            ) : (
              '本期没有损益发生额，未生成结转凭证'
            )
          }
        />
      ) : null}
      <Table<PeriodInfo>
        rowKey="period"
        size="small"
        loading={periods.isPending}
        dataSource={rows}
        pagination={false}
        data-testid="period-table"
        locale={{ emptyText: '还没有凭证，暂无会计期间' }}
        columns={[
          { title: '会计期间', dataIndex: 'period' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: PeriodInfo['status']) =>
              s === 'closed' ? <Tag color="green">已结账</Tag> : <Tag>未结账</Tag>,
          },
          { title: '凭证数', dataIndex: 'voucher_count', align: 'right' },
          { title: '最大凭证号', dataIndex: 'last_voucher_no', render: (v: string | null) => v ?? '—' },
          {
            title: '结转凭证',
            dataIndex: 'closing_voucher_id',
            render: (id: string | null) =>
              id ? (
                <Button type="link" size="small" onClick={() => navigateTo('vouchers', id)}>
                  查看
                </Button>
              ) : (
                '—'
              ),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, p: PeriodInfo) =>
              readOnly ? null : p.period === firstOpen?.period ? (
                <Button size="small" type="primary" loading={close.isPending} onClick={() => confirmClose(p)}>
                  结账
                </Button>
              ) : p.period === lastClosed?.period ? (
                <Button size="small" danger loading={reopen.isPending} onClick={() => confirmReopen(p)}>
                  反结账
                </Button>
              ) : null,
          },
        ]}
      />
    </Flex>
  );
}
