import { z } from 'zod';
import { ledgerEndpoints, reportEndpoints, type EndpointSpec } from '../../shared/api/index.js';
import { buildOpenApiDocument } from '../../shared/api/openapi.js';

/** The engine's extensions beyond the provider's four endpoints, documented like them. */
export const engineExtensionEndpoints = {
  openapi: {
    method: 'GET',
    path: '/api/v2/openapi.json',
    tag: '扩展',
    summary: 'OpenAPI 文档',
    description: '本接口的 OpenAPI 3.1 描述，无需 API Key。',
    response: z.record(z.string(), z.unknown()).meta({ description: 'OpenAPI 3.1 文档' }),
    extension: true,
    public: true,
  },
  ...ledgerEndpoints,
  ...reportEndpoints,
} as const satisfies Record<string, EndpointSpec>;

/** What `/api/v2/openapi.json` serves and `docs/openapi.json` holds. */
export function buildEngineOpenApiDocument(): Record<string, unknown> {
  return buildOpenApiDocument(engineExtensionEndpoints);
}

/** The committed `docs/openapi.json`: pretty-printed with a trailing newline, for readable diffs. */
export function openApiDocumentText(): string {
  return `${JSON.stringify(buildEngineOpenApiDocument(), null, 2)}\n`;
}
