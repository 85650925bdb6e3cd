/**
 * The Node SDK's entry point. Its source is the app's own client (`shared/api/`): the ApiClient, the
 * zod schemas of every request and answer, and the error classes. One copy; this package only
 * bundles it (scripts in build.mjs). What differs is two defaults, those of the Python, PHP and Java
 * SDKs: the base URL is the cloud's unless given, and retries are on (2, see
 * `CLIENT_RETRY_DEFAULTS`) — the app leaves them off because its main process retries every call.
 */
import {
  ApiClient as AppApiClient,
  CLIENT_RETRY_DEFAULTS,
  DEFAULT_CLOUD_BASE_URL,
  type ApiClientOptions as AppApiClientOptions,
} from '../../../shared/api/index.js';

export * from '../../../shared/api/index.js';

export interface ApiClientOptions extends Omit<AppApiClientOptions, 'baseUrl'> {
  /** Default `https://api.zhangxiaoer.com`; a local engine is e.g. `http://127.0.0.1:8787`. */
  baseUrl?: string;
}

/**
 * The typed client of API v2, retrying 429, 5xx and network errors by itself (`maxRetries`,
 * default 2; a write only when resending it cannot apply it twice). Set `maxRetries: 0` for none.
 */
export class ApiClient extends AppApiClient {
  constructor(options: ApiClientOptions) {
    super({
      ...options,
      baseUrl: options.baseUrl ?? DEFAULT_CLOUD_BASE_URL,
      maxRetries: options.maxRetries ?? CLIENT_RETRY_DEFAULTS.maxRetries,
    });
  }
}
