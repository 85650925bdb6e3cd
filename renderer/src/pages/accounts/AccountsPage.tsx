import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { PageHeading } from '../../components/PageHeading';
import { useAccountSets } from '../../hooks/useAccountSets';
import { AccountSetsLoadError } from './AccountSetsLoadError';
import { AccountSetsTable } from './AccountSetsTable';
import { CacheSourceTag } from './CacheSourceTag';

export function AccountsPage() {
  const accountSets = useAccountSets();
  const refetch = () => void accountSets.refetch();

  return (
    <>
      <PageHeading
        title="账套"
        description="当前连接下可用的账套。票据、凭证和报表都归属于某个账套。"
        extra={
          <>
            {accountSets.data?.source === 'cache' && !accountSets.isError ? (
              <CacheSourceTag fetchedAt={accountSets.data.fetchedAt} />
            ) : null}
            <Button icon={<ReloadOutlined />} loading={accountSets.isFetching} onClick={refetch}>
              刷新
            </Button>
          </>
        }
      />
      <Card styles={{ body: { padding: accountSets.isError ? undefined : 0 } }}>
        {accountSets.isError ? (
          <AccountSetsLoadError
            error={accountSets.error}
            onRetry={refetch}
            retrying={accountSets.isFetching}
          />
        ) : (
          <AccountSetsTable accounts={accountSets.data?.data.accounts} loading={accountSets.isPending} />
        )}
      </Card>
    </>
  );
}
