import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { UiState } from '../../../shared/ipc';
import { bridge, unwrap } from '../bridge';
import { useAccountSets } from '../hooks/useAccountSets';
import { defaultPeriod, type WorkspacePeriod } from './periods';
import { WorkspaceContext, type Workspace } from './WorkspaceContext';
import { workspaceQueryKeys } from './workspaceQueryKeys';

/**
 * Holds the account set and period every page shares. Main keeps them (`ui-state.json` through
 * `getUiState`/`setUiState`), so the app reopens on the set and period the user left; a choice
 * shows at once and is saved in the background.
 */
export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const accountSets = useAccountSets();
  const stored = useQuery({
    queryKey: workspaceQueryKeys.uiState,
    queryFn: async () => unwrap(await bridge.getUiState({})),
    staleTime: Infinity,
  });
  const [chosen, setChosen] = useState<Partial<UiState>>({});
  const [fallbackPeriod] = useState(defaultPeriod);
  const save = useMutation({
    mutationFn: async (patch: Partial<UiState>) => unwrap(await bridge.setUiState(patch)),
  });

  const sets = useMemo(() => accountSets.data?.data.accounts ?? [], [accountSets.data]);
  const wantedId = chosen.accountSetId ?? stored.data?.accountSetId ?? undefined;
  const accountSet =
    sets.find((s) => s.id === wantedId) ?? sets.find((s) => s.status === 'active') ?? sets[0];
  const period = chosen.period ?? stored.data?.period ?? fallbackPeriod;
  const accountSetId = accountSet?.id;

  const periods = useQuery({
    queryKey: workspaceQueryKeys.periods(accountSetId ?? ''),
    queryFn: async () => unwrap(await bridge.listPeriods({ accountSetId: accountSetId ?? '' })),
    enabled: accountSetId !== undefined,
  });
  const closedMonths = useMemo(
    () => new Set((periods.data?.periods ?? []).filter((p) => p.status === 'closed').map((p) => p.period)),
    [periods.data],
  );

  const { mutate } = save;
  const setPeriod = useCallback(
    (next: WorkspacePeriod) => {
      setChosen((current) => ({ ...current, period: next }));
      mutate({ period: next });
    },
    [mutate],
  );
  const setAccountSetId = useCallback(
    (id: string) => {
      setChosen((current) => ({ ...current, accountSetId: id }));
      mutate({ accountSetId: id });
    },
    [mutate],
  );

  const value = useMemo<Workspace>(
    () => ({
      accountSet,
      accountSetId,
      accountSets: sets,
      period,
      setPeriod,
      setAccountSetId,
      readOnly: accountSet?.status === 'frozen',
      closedMonths,
    }),
    [accountSet, accountSetId, sets, period, setPeriod, setAccountSetId, closedMonths],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}
