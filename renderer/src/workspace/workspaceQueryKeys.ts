/** Query keys of the workspace; periods sit under `reports` so an engine change refetches them. */
export const workspaceQueryKeys = {
  uiState: ['uiState'] as const,
  periods: (accountSetId: string) => ['reports', 'periods', accountSetId] as const,
};
