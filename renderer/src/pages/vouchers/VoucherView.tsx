import { ArrowLeftOutlined, PrinterOutlined, RollbackOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Empty,
  Flex,
  Skeleton,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage, bridge, unwrap } from '../../bridge';
import { navigateTo } from '../../navigation/hashNavigation';
import { CacheSourceTag } from '../accounts/CacheSourceTag';
import { useWorkspace } from '../../workspace';
import { ReversalModal } from './ReversalModal';
import { VoucherLinesTable } from './VoucherLinesTable';
import { VoucherPrintSheet } from './VoucherPrintSheet';
import { neighbourVoucher } from './voucherNeighbors';
import { useChart, usePeriods, useVoucher } from './voucherQueries';
import { canReverse, voucherStatusLabel } from './voucherStatus';

/** Browser mode: the page prints itself, showing only the voucher sheet (see vouchers.css). */
function printSheetInPage(): void {
  document.body.classList.add('zxe-printing-voucher');
  const done = () => {
    document.body.classList.remove('zxe-printing-voucher');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

export interface VoucherViewProps {
  voucherId: string;
}

/**
 * One posted voucher, read-only: header (记字第 N 号, 日期, 附单据), lines, 合计 with 大写,
 * attachments, status and links between an original and its 红字冲销; 红字冲销 and print from here.
 * PgUp / PgDn go to the previous / next voucher. Reports drill down to `#/vouchers/<voucherId>`.
 */
export function VoucherView({ voucherId }: VoucherViewProps) {
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const voucher = useVoucher(voucherId);
  const data = voucher.data?.data;
  const chart = useChart(data?.account_id);
  const periods = usePeriods(data?.account_id);
  const [reversing, setReversing] = useState(false);
  const fullNameOf = (code: string) => chart.chart?.index.byCode.get(code)?.fullName;
  const setName = workspace.accountSets.find((s) => s.id === data?.account_id)?.name ?? '';
  const readOnly = workspace.accountSets.find((s) => s.id === data?.account_id)?.status === 'frozen';

  useEffect(() => {
    if (!data || !periods.data) return undefined;
    const current = data;
    const list = periods.data;
    const number = Number(/(\d+)$/.exec(current.voucher_no)?.[1] ?? '0');
    function onKey(event: KeyboardEvent): void {
      if (event.key !== 'PageUp' && event.key !== 'PageDown') return;
      if (document.querySelector('.ant-modal-wrap')) return;
      event.preventDefault();
      const step = event.key === 'PageUp' ? -1 : 1;
      void neighbourVoucher(current.account_id, list, current.period, number, step).then((id) => {
        if (id) navigateTo('vouchers', id);
        else void message.info(step < 0 ? '已经是第一张凭证' : '已经是最后一张凭证');
      });
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [data, periods.data, message]);

  async function print(): Promise<void> {
    if (!data) return;
    try {
      const result = unwrap(await bridge.printVoucher({ voucherId: data.voucher_id }));
      if (result.status === 'saved') void message.success(`已保存 PDF：${result.fileName}`);
      else if (result.status === 'unsupported') printSheetInPage();
    } catch (error) {
      void message.error(errorMessage(error));
    }
  }

  if (voucher.isPending) return <Skeleton active />;
  if (voucher.isError || !data) {
    return (
      <Flex vertical gap={16}>
        <Button
          icon={<ArrowLeftOutlined />}
          onClick={() => navigateTo('vouchers')}
          style={{ width: 'fit-content' }}
        >
          返回凭证列表
        </Button>
        {voucher.isError ? (
          <Alert type="error" showIcon title="无法打开凭证" description={errorMessage(voucher.error)} />
        ) : (
          <Empty description="凭证不存在" />
        )}
      </Flex>
    );
  }

  const status = voucherStatusLabel(data);
  const number = /(\d+)$/.exec(data.voucher_no)?.[1] ?? data.voucher_no;

  return (
    <Flex vertical gap={16} data-testid="voucher-view">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigateTo('vouchers')}>
            凭证列表
          </Button>
          <Typography.Text type="secondary">PgUp / PgDn 上一张 / 下一张</Typography.Text>
        </Space>
        <Space>
          {voucher.data.source === 'cache' ? <CacheSourceTag fetchedAt={voucher.data.fetchedAt} /> : null}
          <Button icon={<PrinterOutlined />} onClick={() => void print()} data-testid="print-voucher">
            打印
          </Button>
          {canReverse(data) && !readOnly ? (
            <Button
              danger
              icon={<RollbackOutlined />}
              onClick={() => setReversing(true)}
              data-testid="reverse-voucher"
            >
              红字冲销
            </Button>
          ) : null}
        </Space>
      </Flex>
      <div className="zxe-voucher-paper">
        <h1 className="zxe-voucher-title">记账凭证</h1>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Typography.Text strong data-testid="voucher-number">
            记字第 {number} 号
          </Typography.Text>
          <span>日期：{data.date}</span>
          <span>附单据 {data.attachments.length} 张</span>
          <Tag color={status.color} data-testid="voucher-status">
            {status.text}
          </Tag>
        </Flex>
        <VoucherLinesTable lines={data.entries} fullNameOf={fullNameOf} testId="voucher-lines" />
        <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
          {data.reverses_voucher_id ? (
            <Descriptions.Item label="冲销的原凭证">
              <Typography.Link onClick={() => navigateTo('vouchers', data.reverses_voucher_id ?? '')}>
                打开原凭证
              </Typography.Link>
            </Descriptions.Item>
          ) : null}
          {data.reversed_by_voucher_id ? (
            <Descriptions.Item label="已被冲销">
              <Typography.Link
                onClick={() => navigateTo('vouchers', data.reversed_by_voucher_id ?? '')}
                data-testid="open-reversal"
              >
                打开红字冲销凭证
              </Typography.Link>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label="附件">
            {data.attachments.length === 0 ? (
              <Typography.Text type="secondary">无</Typography.Text>
            ) : (
              <Space wrap>
                {data.attachments.map((id) => (
                  <Tooltip key={id} title="票据ID">
                    <Tag>{id}</Tag>
                  </Tooltip>
                ))}
              </Space>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="制单时间">
            {new Date(data.created_at).toLocaleString('zh-CN')}
          </Descriptions.Item>
        </Descriptions>
      </div>
      <VoucherPrintSheet voucher={data} accountSetName={setName} fullNameOf={fullNameOf} />
      {reversing ? (
        <ReversalModal
          voucher={data}
          open={reversing}
          fullNameOf={fullNameOf}
          onClose={() => setReversing(false)}
          onReversed={(id) => {
            setReversing(false);
            navigateTo('vouchers', id);
          }}
        />
      ) : null}
    </Flex>
  );
}
