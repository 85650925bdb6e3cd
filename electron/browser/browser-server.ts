import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { IpcEvent, IpcResult } from '../../shared/ipc.js';
import type { IpcRouter } from '../main/ipc/router.js';
import { SECURITY_HEADERS } from '../main/security/security-headers.js';
import type { EventBus } from '../main/services/events/event-bus.js';
import { BrowserSession, TOKEN_QUERY_PARAMETER } from './browser-session.js';

export interface BrowserServerOptions {
  router: IpcRouter;
  events: EventBus;
  /** The built renderer (`out/renderer`). */
  staticDir: string;
  port?: number;
  /** Test hook: sees every IPC answer exactly as it is sent. */
  onIpcResponse?: (name: string, body: string) => void;
}

export interface BrowserServer {
  /** The address to open, with this launch's token (`/?token=…`): print it, never log it. */
  url: string;
  /** The origin IPC calls must come from (no token). */
  origin: string;
  /** This launch's session: its token and cookie. */
  session: BrowserSession;
  app: FastifyInstance;
  close(): Promise<void>;
}

const invokeParamsSchema = z.object({ name: z.string().min(1).max(64) });

const NO_SESSION_MESSAGE = '浏览器模式需要启动时打印的完整地址（含 ?token=…），请用该地址重新打开';

const noSessionAnswer: IpcResult<never> = {
  ok: false,
  error: { code: 403, type: 'permission_error', message: NO_SESSION_MESSAGE },
};

const noSessionPage = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>账小二</title><p>${NO_SESSION_MESSAGE}</p></html>`;

/**
 * Browser mode: the same renderer, served to a normal browser on loopback, with the preload bridge
 * replaced by HTTP — POST /__zxe/invoke/<call> into the same IPC router main uses, and
 * /__zxe/events as a server-sent-event stream. The key stays in this Node process.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  if (!existsSync(path.join(options.staticDir, 'index.html'))) {
    throw new Error(`找不到已构建的界面：${options.staticDir}（请先运行 npm run build）`);
  }
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  const allowedHosts = new Set<string>();
  const session = new BrowserSession();

  // DNS-rebinding guard: only our own loopback host names, whatever the browser was told.
  app.addHook('onRequest', async (request, reply) => {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      return reply.code(403).send({ error: 'forbidden host' });
    }
  });
  // The secret: the printed address's token, traded once for the session cookie; nothing without it.
  app.addHook('onRequest', async (request, reply) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const token = url.searchParams.get(TOKEN_QUERY_PARAMETER) ?? undefined;
    if (request.method === 'GET' && !url.pathname.startsWith('/__zxe/') && session.matches(token)) {
      // Into the cookie and out of the address bar (and the browser's history), also when the
      // printed address is opened again. One leading slash: `//host` would leave the origin.
      url.searchParams.delete(TOKEN_QUERY_PARAMETER);
      const target = `/${url.pathname.replace(/^\/+/, '')}${url.search}`;
      return reply.header('Set-Cookie', session.setCookieHeader()).redirect(target, 303);
    }
    if (session.hasCookie(request.headers.cookie)) return;
    if (url.pathname.startsWith('/__zxe/'))
      return reply.code(403).type('application/json').send(noSessionAnswer);
    return reply.code(403).type('text/html; charset=utf-8').send(noSessionPage);
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });

  await app.register(fastifyStatic, { root: options.staticDir, index: ['index.html'] });

  app.post('/__zxe/invoke/:name', async (request, reply) => {
    const { name } = invokeParamsSchema.parse(request.params);
    const abort = new AbortController();
    // The response closing before it was written means the page went away: cancel the work.
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) abort.abort();
    });
    const result = await options.router.dispatch(name, request.body, request.headers.origin, abort.signal);
    const body = JSON.stringify(result);
    options.onIpcResponse?.(name, body);
    return reply.type('application/json').send(body);
  });

  app.get('/__zxe/events', (request, reply) => {
    if (request.headers['sec-fetch-site'] && request.headers['sec-fetch-site'] !== 'same-origin') {
      return reply.code(403).send({ error: 'forbidden origin' });
    }
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const send = (event: IpcEvent): void => {
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    };
    const unsubscribe = options.events.subscribe(send);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${String(port)}`;
  allowedHosts.add(`127.0.0.1:${String(port)}`);
  allowedHosts.add(`localhost:${String(port)}`);

  return {
    url: `${origin}/?${TOKEN_QUERY_PARAMETER}=${session.token}`,
    origin,
    session,
    app,
    close: async () => {
      await app.close();
    },
  };
}
