import { Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { AccountSet, AccountSetStatus } from '../../../../shared/api/accounts';
import { monospaceFont } from '../../theme';
import { formatLocalTime } from './formatTime';

const STATUS_TAGS: Record<AccountSetStatus, { color: string; text: string }> = {
  active: { color: 'green', text: '启用' },
  frozen: { color: 'default', text: '冻结' },
};

const columns: TableColumnsType<AccountSet> = [
  {
    title: '账套名称',
    dataIndex: 'name',
    render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
  },
  {
    title: '账套ID',
    dataIndex: 'id',
    render: (id: string) => (
      <Typography.Text copyable style={{ fontFamily: monospaceFont }}>
        {id}
      </Typography.Text>
    ),
  },
  {
    title: '状态',
    dataIndex: 'status',
    width: 100,
    render: (status: AccountSetStatus) => (
      <Tag color={STATUS_TAGS[status].color}>{STATUS_TAGS[status].text}</Tag>
    ),
  },
  {
    title: '创建时间',
    dataIndex: 'created_at',
    width: 180,
    render: (createdAt: string) => formatLocalTime(createdAt),
  },
];

type AccountSetsTableProps = {
  accounts: AccountSet[] | undefined;
  loading: boolean;
};

export function AccountSetsTable({ accounts, loading }: AccountSetsTableProps) {
  return (
    <Table<AccountSet>
      data-testid="accounts-table"
      rowKey="id"
      columns={columns}
      dataSource={accounts}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无账套" /> }}
    />
  );
}
