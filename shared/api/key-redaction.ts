/** Anything shaped like an API key (`sk_live_…`, `sk_test_…`), known to us or not. */
const KEY_SHAPE = /sk_(live|test)_[A-Za-z0-9]+/g;

/**
 * Masks every key-shaped run in text bound for a log, an error message or a URL echo, keeping
 * only its prefix: `sk_live_51H8x…` → `sk_live_***`. The engine and main both use it.
 */
export function redactApiKeys(text: string, mask = '***'): string {
  return text.replace(KEY_SHAPE, (_match, mode: string) => `sk_${mode}_${mask}`);
}
