import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Segmented, Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import type { PeriodKind } from '../../../shared/ipc';
import './workspace.css';
import { customPeriod, periodContaining, shiftPeriod, type WorkspacePeriod } from './periods';

const KIND_OPTIONS: { value: PeriodKind; label: string }[] = [
  { value: 'month', label: '月' },
  { value: 'quarter', label: '季' },
  { value: 'year', label: '年' },
  { value: 'custom', label: '自定义' },
];

export interface PeriodPickerProps {
  value: WorkspacePeriod;
  onChange: (period: WorkspacePeriod) => void;
  /** Months (YYYY-MM) already closed: marked 「已结」 in the month picker. */
  closedMonths?: ReadonlySet<string>;
}

/** 月 / 季 / 年 / 自定义 and the matching picker, with previous/next; closed months are marked. */
export function PeriodPicker({ value, onChange, closedMonths = new Set() }: PeriodPickerProps) {
  const start = dayjs(value.startDate);

  function changeKind(kind: PeriodKind): void {
    if (kind === 'custom') onChange(customPeriod(start, dayjs(value.endDate)));
    else onChange(periodContaining(kind, start));
  }

  function monthCell(current: Dayjs | string | number, info: { type: string; originNode: ReactNode }) {
    if (info.type !== 'month' || !dayjs.isDayjs(current)) return info.originNode;
    if (!closedMonths.has(current.format('YYYY-MM'))) return info.originNode;
    return (
      <div className="zxe-closed-month" title="已结账">
        {info.originNode}
        <span className="zxe-closed-mark">已结</span>
      </div>
    );
  }

  const closedNow = value.kind === 'month' && closedMonths.has(value.startDate.slice(0, 7));

  return (
    <Flex align="center" gap={8} data-testid="period-picker">
      <Segmented<PeriodKind>
        size="small"
        options={KIND_OPTIONS}
        value={value.kind}
        onChange={changeKind}
        aria-label="期间类型"
      />
      {value.kind !== 'custom' ? (
        <Tooltip title="上一期">
          <Button
            size="small"
            type="text"
            icon={<LeftOutlined />}
            aria-label="上一期"
            onClick={() => onChange(shiftPeriod(value, -1))}
          />
        </Tooltip>
      ) : null}
      {value.kind === 'custom' ? (
        <DatePicker.RangePicker
          size="small"
          allowClear={false}
          value={[start, dayjs(value.endDate)]}
          onChange={(range) => {
            const [a, b] = range ?? [];
            if (a && b) onChange(customPeriod(a, b));
          }}
          aria-label="自定义期间"
        />
      ) : (
        <DatePicker
          size="small"
          allowClear={false}
          picker={value.kind}
          value={start}
          format={
            value.kind === 'month' ? 'YYYY年M月' : value.kind === 'quarter' ? 'YYYY年第Q季度' : 'YYYY年'
          }
          onChange={(date: Dayjs | null) => {
            if (date && value.kind !== 'custom') onChange(periodContaining(value.kind, date));
          }}
          cellRender={monthCell}
          aria-label="会计期间"
          data-testid="period-date"
          style={{ width: 130 }}
        />
      )}
      {value.kind !== 'custom' ? (
        <Tooltip title="下一期">
          <Button
            size="small"
            type="text"
            icon={<RightOutlined />}
            aria-label="下一期"
            onClick={() => onChange(shiftPeriod(value, 1))}
          />
        </Tooltip>
      ) : null}
      {closedNow ? (
        <Tag color="green" data-testid="period-closed">
          已结账
        </Tag>
      ) : null}
    </Flex>
  );
}
