import {
  AccountBookOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Flex, Layout, Menu, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { navigateTo } from '../navigation/hashNavigation';
import { SECTION_IDS, SECTION_LABELS, isSectionId, type SectionId } from '../navigation/sections';

const SECTION_ICONS: Record<SectionId, ReactNode> = {
  accounts: <BookOutlined />,
  invoices: <FileTextOutlined />,
  vouchers: <AuditOutlined />,
  reports: <BarChartOutlined />,
  'folder-watch': <FolderOpenOutlined />,
  settings: <SettingOutlined />,
};

const menuItems = SECTION_IDS.map((id) => ({ key: id, icon: SECTION_ICONS[id], label: SECTION_LABELS[id] }));

function Brand() {
  const { token } = theme.useToken();
  return (
    <Flex align="center" gap={10} style={{ height: 64, padding: '0 24px' }}>
      <AccountBookOutlined style={{ fontSize: 24, color: token.colorPrimary }} />
      <Typography.Text strong style={{ fontSize: 18, letterSpacing: 1 }}>
        账小二
      </Typography.Text>
    </Flex>
  );
}

export function AppSider({ current }: { current: SectionId }) {
  const { token } = theme.useToken();
  return (
    <Layout.Sider
      width={208}
      theme="light"
      style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
    >
      <Brand />
      <Menu
        mode="inline"
        items={menuItems}
        selectedKeys={[current]}
        onClick={({ key }) => {
          if (isSectionId(key)) navigateTo(key);
        }}
        style={{ borderInlineEnd: 'none' }}
      />
    </Layout.Sider>
  );
}
