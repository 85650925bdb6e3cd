import { ApiError, ApiTransportError } from '../../../shared/api/errors.js';
import { redactApiKeys } from '../../../shared/api/key-redaction.js';
import type { IpcError } from '../../../shared/ipc.js';
import { OutcomeUnknownError } from '../services/api-proxy/outcome-unknown-error.js';
import { KeyMissingError } from '../services/connection/key-missing-error.js';
import { EngineStartFailedError, EngineUnavailableError } from '../services/engine-host/engine-host.js';
import { UserFacingError } from '../services/user-facing-error.js';

const TRANSPORT_MESSAGES: Record<ApiTransportError['kind'], { type: IpcError['type']; message: string }> = {
  network: { type: 'network_error', message: '无法连接到账小二服务，请检查网络或引擎状态' },
  timeout: { type: 'timeout_error', message: '请求超时，请稍后重试' },
  aborted: { type: 'cancelled', message: '请求已取消' },
  bad_response: { type: 'api_error', message: '服务返回了无法识别的数据' },
};

/**
 * Errors cross IPC as data with the API envelope's fields (code, message, type). Unknown errors become a
 * generic 500: their text may hold internals (paths, SQL, even a key inside a URL) and stays in main.
 */
export function toIpcError(error: unknown): IpcError {
  // The client already masked keys in the server's message; this is the second net.
  if (error instanceof ApiError)
    return { code: error.code, message: redactApiKeys(error.message), type: error.type };
  if (error instanceof OutcomeUnknownError)
    return { code: 0, message: error.message, type: 'outcome_unknown' };
  if (error instanceof ApiTransportError) {
    const { type, message } = TRANSPORT_MESSAGES[error.kind];
    return { code: error.kind === 'bad_response' ? (error.status ?? 502) : 0, message, type };
  }
  if (error instanceof KeyMissingError) return { code: 401, message: error.message, type: 'key_missing' };
  if (error instanceof EngineUnavailableError) {
    return { code: 503, message: '本地引擎未运行，请稍候或在「设置」中查看引擎状态', type: 'network_error' };
  }
  if (error instanceof EngineStartFailedError) {
    // The reason is in the engine status and the log; it may name local paths.
    return { code: 503, message: '本地引擎启动失败，正在自动重试', type: 'network_error' };
  }
  if (error instanceof UserFacingError) {
    const type =
      error.code === 400 ? 'invalid_request_error' : error.code === 403 ? 'permission_error' : 'api_error';
    return { code: error.code, message: error.message, type };
  }
  return { code: 500, message: '应用内部错误，请重试；如持续出现请查看日志', type: 'internal_error' };
}
