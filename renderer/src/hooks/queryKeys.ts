export const queryKeys = {
  accountSets: ['accountSets'],
  settings: ['settings'],
} as const;
