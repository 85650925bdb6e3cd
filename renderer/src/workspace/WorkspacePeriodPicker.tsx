import { PeriodPicker } from './PeriodPicker';
import { useWorkspace } from './useWorkspace';

/** The header's period picker, bound to the app-wide workspace. */
export function WorkspacePeriodPicker() {
  const { period, setPeriod, closedMonths } = useWorkspace();
  return <PeriodPicker value={period} onChange={setPeriod} closedMonths={closedMonths} />;
}
