import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as a stand-in server received it. */
export interface SeenRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the upstream engine answered to a forwarded request. */
export interface Forwarded {
  status: number;
  headers: Headers;
  body: string;
}

export interface StandInContext {
  request: SeenRequest;
  response: ServerResponse;
  /** Forwards the request to the upstream engine (when there is one) and returns its answer. */
  forward(options?: { dropIdempotencyKey?: boolean }): Promise<Forwarded>;
  /** Writes an answer, by default without `Idempotency-Key-Honoured`. */
  reply(status: number, body: string, headers?: Record<string, string>): void;
  /** Cuts the connection without an answer (a reset after the request was sent). */
  hangUp(): void;
}

export interface StandInServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  origin: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for a third-party or misbehaving API server: it
 * records every request it gets (headers included) and lets the test decide each answer — or
 * forward it to a real engine, with or without the `Idempotency-Key` the client sent.
 */
export async function startStandIn(options: {
  upstream?: string;
  /** A fixed port (e.g. one a client was already pointed at while nothing listened); 0 by default. */
  port?: number;
  handle: (context: StandInContext) => void | Promise<void>;
}): Promise<StandInServer> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((incoming, response) => {
    void readBody(incoming).then(async (body) => {
      const request: SeenRequest = {
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        headers: incoming.headers,
        body,
      };
      requests.push(request);
      const context: StandInContext = {
        request,
        response,
        forward: (forwardOptions) => forward(options.upstream, request, forwardOptions?.dropIdempotencyKey),
        reply(status, text, headers = {}) {
          response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
          response.end(text);
        },
        hangUp() {
          incoming.socket.destroy();
        },
      };
      try {
        await options.handle(context);
      } catch {
        incoming.socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${String(port)}`;
  return {
    url,
    origin: url,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The upstream answer passed through as is, except that the engine's idempotency promise is dropped. */
export function passThrough(context: StandInContext, forwarded: Forwarded, keepHonouredHeader = false): void {
  const headers: Record<string, string> = {};
  const retryAfter = forwarded.headers.get('retry-after');
  if (retryAfter) headers['retry-after'] = retryAfter;
  const honoured = forwarded.headers.get('idempotency-key-honoured');
  if (keepHonouredHeader && honoured) headers['idempotency-key-honoured'] = honoured;
  context.reply(forwarded.status, forwarded.body, headers);
}

async function forward(
  upstream: string | undefined,
  request: SeenRequest,
  dropIdempotencyKey = false,
): Promise<Forwarded> {
  if (!upstream) throw new Error('this stand-in has no upstream engine');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value !== 'string' || ['host', 'connection', 'content-length'].includes(name)) continue;
    if (dropIdempotencyKey && name === 'idempotency-key') continue;
    headers[name] = value;
  }
  const response = await fetch(upstream + request.url, {
    method: request.method,
    headers,
    body: request.method === 'GET' ? undefined : request.body,
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.on('error', () => resolve(''));
  });
}

/** A port on 127.0.0.1 where nothing listens (connections are refused) — until a test listens there. */
export async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
