import { Alert, App, DatePicker, Modal, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Voucher } from '../../../../shared/api/ledger';
import { bridge, errorMessage, unwrap } from '../../bridge';
import { VoucherLinesTable } from './VoucherLinesTable';
import { reversalPreview } from './reversalPreview';
import { closedPeriodMessage } from './voucherStatus';
import { usePeriods, useRefreshAfterPosting } from './voucherQueries';

export interface ReversalModalProps {
  voucher: Voucher;
  open: boolean;
  onClose: () => void;
  onReversed: (voucherId: string, voucherNo: string) => void;
  fullNameOf?: (code: string) => string | undefined;
}

/**
 * 红字冲销: a new voucher pre-filled from the original in red figures, linked to it. The engine
 * builds the lines itself (POST …/reverse); the user chooses only the date (the original's by
 * default; a later one when that month is closed).
 */
export function ReversalModal({ voucher, open, onClose, onReversed, fullNameOf }: ReversalModalProps) {
  const { message } = App.useApp();
  const [date, setDate] = useState<Dayjs>(dayjs(voucher.date));
  const periods = usePeriods(voucher.account_id);
  const refresh = useRefreshAfterPosting();
  const iso = date.format('YYYY-MM-DD');
  const closed = closedPeriodMessage(iso, periods.data);
  const early = iso < voucher.date ? '红字凭证的日期不能早于原凭证日期' : undefined;

  const reverse = useMutation({
    mutationFn: async () => unwrap(await bridge.reverseVoucher({ voucherId: voucher.voucher_id, date: iso })),
    onSuccess: (result) => {
      refresh();
      void message.success(`已生成红字冲销凭证 ${result.voucher_no}`);
      onReversed(result.voucher_id, result.voucher_no);
    },
  });

  return (
    <Modal
      open={open}
      title={`红字冲销 ${voucher.period} ${voucher.voucher_no}`}
      okText="生成红字凭证"
      cancelText="取消"
      width={860}
      onCancel={onClose}
      onOk={() => reverse.mutate()}
      okButtonProps={{ disabled: Boolean(closed ?? early), loading: reverse.isPending, danger: true }}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          将生成一张新凭证：科目和借贷方向与原凭证相同，金额为负数（红字），并与原凭证互相关联；原凭证标记为「已冲销」。
        </Typography.Paragraph>
        <Space>
          <span>凭证日期</span>
          <DatePicker
            value={date}
            allowClear={false}
            onChange={(value: Dayjs | null) => value && setDate(value)}
            aria-label="红字凭证日期"
            data-testid="reversal-date"
          />
        </Space>
        {(closed ?? early) ? <Alert type="error" showIcon title={closed ?? early} /> : null}
        {reverse.isError ? (
          <Alert type="error" showIcon title={errorMessage(reverse.error)} data-testid="reversal-error" />
        ) : null}
        <VoucherLinesTable
          lines={reversalPreview(voucher)}
          fullNameOf={fullNameOf}
          testId="reversal-preview"
        />
      </Space>
    </Modal>
  );
}
