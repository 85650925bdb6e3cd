import { LockOutlined } from '@ant-design/icons';
import { Flex, Select, Tag, Typography } from 'antd';
import { useWorkspace } from './useWorkspace';

/** The header's account-set switcher: name and status; a frozen set is marked read-only. */
export function AccountSetSwitcher() {
  const { accountSets, accountSet, setAccountSetId, readOnly } = useWorkspace();
  if (accountSets.length === 0) return null;
  return (
    <Flex align="center" gap={8}>
      <Typography.Text type="secondary">账套</Typography.Text>
      <Select
        aria-label="选择账套"
        data-testid="account-set-switcher"
        value={accountSet?.id}
        onChange={setAccountSetId}
        style={{ minWidth: 200 }}
        popupMatchSelectWidth={false}
        options={accountSets.map((s) => ({
          value: s.id,
          label: (
            <Flex align="center" gap={6} justify="space-between">
              <span>{s.name}</span>
              {s.status === 'frozen' ? <Tag color="default">冻结</Tag> : null}
            </Flex>
          ),
        }))}
      />
      {readOnly ? (
        <Tag icon={<LockOutlined />} color="orange" data-testid="read-only-tag">
          已冻结 · 只读
        </Tag>
      ) : null}
    </Flex>
  );
}
