import { AuditOutlined } from '@ant-design/icons';
import { UpcomingSection } from '../../components/UpcomingSection';

export function VouchersPage() {
  return (
    <UpcomingSection
      title="凭证"
      icon={<AuditOutlined />}
      purpose="查看、编辑和新增记账凭证：借贷必须相等才能保存，金额自动显示大写，离线时的修改会在恢复连接后自动提交。"
    />
  );
}
