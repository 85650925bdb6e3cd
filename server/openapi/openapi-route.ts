import type { FastifyInstance } from 'fastify';
import { buildEngineOpenApiDocument, engineExtensionEndpoints } from './engine-openapi.js';

export function registerOpenApiRoute(app: FastifyInstance): void {
  const document = buildEngineOpenApiDocument();
  const spec = engineExtensionEndpoints.openapi;
  app.get(spec.path, { config: { public: spec.public } }, () => document);
}
