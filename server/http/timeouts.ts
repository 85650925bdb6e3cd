/**
 * How long the engine waits on a client. Without these a connection can hold a request open for
 * as long as it likes (a body trickling in a byte at a time, headers never finished, an idle
 * keep-alive socket), and enough of them use up the process.
 */
export interface EngineTimeouts {
  /** The whole request, headers and body, must arrive within this (408 otherwise). */
  requestMs: number;
  /** The headers must arrive within this; at most `requestMs`. */
  headersMs: number;
  /** A socket with no traffic at all for this long is closed. */
  idleMs: number;
  /** A kept-alive socket between requests is closed after this. */
  keepAliveMs: number;
  /** How often Node checks the request and header deadlines (its default is 30 s). */
  checkIntervalMs: number;
}

/** A voucher body is at most 1 MB over loopback or a LAN: 30 s is generous. */
export const DEFAULT_TIMEOUTS: EngineTimeouts = {
  requestMs: 30_000,
  headersMs: 10_000,
  idleMs: 30_000,
  keepAliveMs: 5_000,
  checkIntervalMs: 1_000,
};
