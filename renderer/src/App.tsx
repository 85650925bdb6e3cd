import { Flex, Layout, theme } from 'antd';
import type { ComponentType } from 'react';
import { AppSider } from './components/AppSider';
import { ConnectionStatus } from './components/ConnectionStatus';
import { useBridgeEvents } from './hooks/useBridgeEvents';
import { useCurrentSection } from './navigation/hashNavigation';
import type { SectionId } from './navigation/sections';
import { AccountsPage } from './pages/accounts/AccountsPage';
import { FolderWatchPage } from './pages/folder-watch/FolderWatchPage';
import { InvoicesPage } from './pages/invoices/InvoicesPage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { VouchersPage } from './pages/vouchers/VouchersPage';
import { AccountSetSwitcher } from './workspace/AccountSetSwitcher';
import { WorkspacePeriodPicker } from './workspace/WorkspacePeriodPicker';
import { WorkspaceProvider } from './workspace/WorkspaceProvider';

const SECTION_PAGES: Record<SectionId, ComponentType> = {
  accounts: AccountsPage,
  invoices: InvoicesPage,
  vouchers: VouchersPage,
  reports: ReportsPage,
  'folder-watch': FolderWatchPage,
  settings: SettingsPage,
};

export function App() {
  useBridgeEvents();
  const section = useCurrentSection();
  const Page = SECTION_PAGES[section];
  const { token } = theme.useToken();

  return (
    <WorkspaceProvider>
      <Layout style={{ minHeight: '100vh' }}>
        <AppSider current={section} />
        <Layout>
          <Layout.Header
            style={{
              display: 'flex',
              justifyContent: 'space-between',
              gap: 16,
              alignItems: 'center',
              flexWrap: 'wrap',
              height: 'auto',
              minHeight: 64,
              lineHeight: 'normal',
              paddingBlock: 10,
              paddingInline: 24,
              background: token.colorBgContainer,
              borderBottom: `1px solid ${token.colorBorderSecondary}`,
            }}
          >
            <Flex align="center" gap={20} wrap className="zxe-workspace-bar">
              <AccountSetSwitcher />
              <WorkspacePeriodPicker />
            </Flex>
            <ConnectionStatus />
          </Layout.Header>
          <Layout.Content style={{ padding: 24, maxWidth: 1200, width: '100%' }}>
            <Page />
          </Layout.Content>
        </Layout>
      </Layout>
    </WorkspaceProvider>
  );
}
