import { createContext } from 'react';
import type { AccountSet } from '../../../shared/api/accounts';
import type { WorkspacePeriod } from './periods';

export interface Workspace {
  /** The chosen account set; undefined while the list loads or when there is none. */
  accountSet: AccountSet | undefined;
  accountSetId: string | undefined;
  accountSets: readonly AccountSet[];
  period: WorkspacePeriod;
  setPeriod: (period: WorkspacePeriod) => void;
  setAccountSetId: (id: string) => void;
  /** A frozen (冻结) account set can be read, never written: every page hides its write actions. */
  readOnly: boolean;
  /** Months (YYYY-MM) already closed (已结账) in the chosen set; marked wherever dates are picked. */
  closedMonths: ReadonlySet<string>;
}

export const WorkspaceContext = createContext<Workspace | undefined>(undefined);
