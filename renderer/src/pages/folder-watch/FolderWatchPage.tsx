import { FolderOpenOutlined } from '@ant-design/icons';
import { UpcomingSection } from '../../components/UpcomingSection';

export function FolderWatchPage() {
  return (
    <UpcomingSection
      title="文件夹监控"
      icon={<FolderOpenOutlined />}
      purpose="指定本机的一个文件夹，放入其中的发票文件会被自动上传识别；网络中断时先排队，恢复后自动续传。"
    />
  );
}
