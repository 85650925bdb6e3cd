import { endpoints } from '../../shared/api/endpoints.js';
import { buildOpenApiDocument } from '../../shared/api/openapi.js';

/** What `/api/v2/openapi.json` serves and `docs/openapi.json` holds. */
export function buildEngineOpenApiDocument(): Record<string, unknown> {
  return buildOpenApiDocument(endpoints);
}

/** The committed `docs/openapi.json`: pretty-printed with a trailing newline, for readable diffs. */
export function openApiDocumentText(): string {
  return `${JSON.stringify(buildEngineOpenApiDocument(), null, 2)}\n`;
}
