import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { errorEnvelope } from '../../shared/api/index.js';

/**
 * Errors Node's HTTP server raises before Fastify sees a request (Fastify's `clientErrorHandler`):
 * a request that took too long (408), headers over the size limit (431), bytes that are not HTTP
 * (400). The status line keeps Node's status; the body is the API's envelope with code 400, the
 * nearest of the provider's six codes, and fixed words: nothing of the request is repeated.
 */
const CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: '参数错误：请求超时，请求须在限定时间内发送完毕' },
  HPE_HEADER_OVERFLOW: { status: 431, message: '参数错误：请求头过大' },
};
const MALFORMED = { status: 400, message: '参数错误：请求格式不正确' };

/** Whether a response already started on this socket (then nothing more may be written to it). */
function responseStarted(socket: Socket): boolean {
  const pending: unknown = Reflect.get(socket, '_httpMessage');
  return typeof pending === 'object' && pending !== null && Reflect.get(pending, 'headersSent') === true;
}

export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable && !responseStarted(socket)) {
    const { status, message } = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
    const body = JSON.stringify(errorEnvelope(400, message));
    socket.write(
      `HTTP/1.1 ${String(status)} ${STATUS_CODES[status] ?? ''}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${String(Buffer.byteLength(body))}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy();
}
