import { BarChartOutlined } from '@ant-design/icons';
import { UpcomingSection } from '../../components/UpcomingSection';

export function ReportsPage() {
  return (
    <UpcomingSection
      title="报表"
      icon={<BarChartOutlined />}
      purpose="按会计期间生成资产负债表、利润表和现金流量表。"
    />
  );
}
