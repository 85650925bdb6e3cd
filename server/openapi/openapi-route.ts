import type { FastifyInstance } from 'fastify';
import { endpoints } from '../../shared/api/endpoints.js';
import { buildEngineOpenApiDocument } from './engine-openapi.js';

export function registerOpenApiRoute(app: FastifyInstance): void {
  const document = buildEngineOpenApiDocument();
  const spec = endpoints.openapi;
  app.get(spec.path, { config: { public: spec.public } }, () => document);
}
