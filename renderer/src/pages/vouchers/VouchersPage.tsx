import { Empty } from 'antd';
import { useSectionSubpath } from '../../navigation/hashNavigation';
import { useWorkspace } from '../../workspace';
import { VoucherEditorPage } from './editor/VoucherEditorPage';
import { VoucherList } from './VoucherList';
import { VoucherView } from './VoucherView';

/** `#/vouchers` the list, `#/vouchers/new` the editor, `#/vouchers/<voucherId>` one voucher. */
export function VouchersPage() {
  const subpath = useSectionSubpath();
  const { accountSetId } = useWorkspace();
  if (subpath === 'new') {
    return accountSetId ? (
      <VoucherEditorPage key={accountSetId} accountSetId={accountSetId} />
    ) : (
      <Empty description="请先选择账套" />
    );
  }
  if (subpath !== '') return <VoucherView key={subpath} voucherId={subpath} />;
  return <VoucherList />;
}
