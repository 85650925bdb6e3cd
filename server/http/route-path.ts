/** `/api/v2/voucher/{voucher_id}` (OpenAPI, as the endpoint specs write it) → `/api/v2/voucher/:voucher_id`. */
export function routePath(openApiPath: string): string {
  return openApiPath.replace(/\{(\w+)\}/g, ':$1');
}
