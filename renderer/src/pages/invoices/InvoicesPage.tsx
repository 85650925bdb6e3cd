import { FileTextOutlined } from '@ant-design/icons';
import { UpcomingSection } from '../../components/UpcomingSection';

export function InvoicesPage() {
  return (
    <UpcomingSection
      title="票据"
      icon={<FileTextOutlined />}
      purpose="上传专票、普票或收据的图片与 PDF，自动识别号码、日期、购销双方、金额与税额，检查重复票据，并生成记账分录。"
    />
  );
}
