import type { FastifyInstance } from 'fastify';
import { ApiHttpError } from '../errors/api-http-error.js';
import { findCaller } from './authenticate.js';

export const READ_ONLY_KEY_MESSAGE = '权限不足：该 API Key 为只读权限，不能创建或修改数据';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Changes data: refused to read-only keys before the body is even read. */
    write?: boolean;
  }
}

/** 403 for a read-only key on any route marked `config.write`; after the key and rate checks. */
export function registerWriteAccess(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.routeOptions.config.write === true && findCaller(request)?.scope === 'read_only') {
      throw new ApiHttpError(403, READ_ONLY_KEY_MESSAGE);
    }
    done();
  });
}
