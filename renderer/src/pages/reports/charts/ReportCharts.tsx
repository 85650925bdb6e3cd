import { useQueries } from '@tanstack/react-query';
import { Alert, Card, Flex, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { StatementLine } from '../../../../../shared/api/statements';
import { bridge, errorMessage, unwrap } from '../../../bridge';
import { useWorkspace } from '../../../workspace/useWorkspace';
import { reportQueryKeys, useStatement } from '../reportQueries';

// Tree-shaken: only the two chart types, their components and the canvas renderer are bundled.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const line = (lines: readonly StatementLine[], no: number) =>
  lines.find((l) => l.line_no === no)?.values.current_period ?? 0;

function EChart({ option, testId }: { option: echarts.EChartsCoreOption; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} data-testid={testId} style={{ width: '100%', height: 320 }} />;
}

/** Monthly 营业收入, 营业成本 + 费用 and 净利润 of the period's year; the balance sheet's main groups. */
export default function ReportCharts() {
  const { accountSetId, period } = useWorkspace();
  const year = dayjs(period.endDate).year();
  const months = Array.from({ length: 12 }, (_, i) => dayjs(`${String(year)}-01-01`).month(i));
  const profits = useQueries({
    queries: months.map((m) => {
      const start = m.startOf('month').format('YYYY-MM-DD');
      const end = m.endOf('month').format('YYYY-MM-DD');
      return {
        queryKey: reportQueryKeys.statement(accountSetId ?? '', 'profit', start, end),
        queryFn: async () =>
          unwrap(
            await bridge.getReport({
              accountSetId: accountSetId ?? '',
              type: 'profit',
              startDate: start,
              endDate: end,
            }),
          ),
        enabled: accountSetId !== undefined,
        staleTime: 60_000,
      };
    }),
  });
  const balance = useStatement('balance');

  const failed = profits.find((p) => p.isError);
  if (failed?.error)
    return <Alert type="error" showIcon title="图表数据加载失败" description={errorMessage(failed.error)} />;
  if (profits.some((p) => p.isPending) || balance.isPending) return <Skeleton active />;

  const series = profits.map((p) => p.data?.data.report_data.lines ?? []);
  const revenue = series.map((l) => line(l, 1));
  const costs = series.map(
    (l) => Math.round((line(l, 2) + line(l, 3) + line(l, 11) + line(l, 14) + line(l, 18)) * 100) / 100,
  );
  const net = series.map((l) => line(l, 32));
  const labels = months.map((m) => `${String(m.month() + 1)}月`);

  const bs = balance.data?.data.report_data.lines ?? [];
  const ending = (no: number) => bs.find((l) => l.line_no === no)?.values.ending_balance ?? 0;
  const groups = [
    ['流动资产', 15],
    ['非流动资产', 29],
    ['流动负债', 41],
    ['非流动负债', 46],
    ['所有者权益', 52],
  ] as const;

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={`${String(year)}年各月经营情况（元）`}>
        <EChart
          testId="chart-profit"
          option={{
            tooltip: { trigger: 'axis' },
            legend: { top: 0, left: 'center', data: ['营业收入', '营业成本+费用', '净利润'] },
            grid: { left: 80, right: 24, top: 40, bottom: 30 },
            xAxis: { type: 'category', data: labels },
            yAxis: { type: 'value' },
            series: [
              { name: '营业收入', type: 'bar', data: revenue },
              { name: '营业成本+费用', type: 'bar', data: costs },
              { name: '净利润', type: 'line', data: net },
            ],
          }}
        />
      </Card>
      <Card size="small" title={`资产负债表主要项目（${period.endDate} 期末余额，元）`}>
        <EChart
          testId="chart-balance"
          option={{
            tooltip: { trigger: 'axis' },
            grid: { left: 90, right: 24, top: 20, bottom: 30 },
            xAxis: { type: 'value' },
            yAxis: { type: 'category', data: groups.map(([name]) => name) },
            series: [{ type: 'bar', data: groups.map(([, no]) => ending(no)) }],
          }}
        />
      </Card>
    </Flex>
  );
}
