/**
 * A write whose outcome is unknown toward a server that has not said it honours `Idempotency-Key`:
 * it may have been applied, and sending it again could apply it twice, so nothing resends it
 * automatically. The outbox shows it as 「结果未知」 for the user to settle.
 */
export class OutcomeUnknownError extends Error {
  constructor(cause: unknown) {
    super('结果未知：请求可能已被服务器处理，但没有收到应答。请在凭证列表中核对后，再确认已入账或重新发送', {
      cause,
    });
    this.name = 'OutcomeUnknownError';
  }
}
