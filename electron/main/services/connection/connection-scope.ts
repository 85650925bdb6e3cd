/** The scope of the bundled local engine's data. */
export const LOCAL_SCOPE = 'local';

/** The scope of a cloud or self-hosted engine's data: its base URL. */
export function cloudScope(baseUrl: string): string {
  return `cloud:${baseUrl.replace(/\/+$/, '')}`;
}
