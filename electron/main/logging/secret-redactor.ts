import { redactApiKeys } from '../../../shared/api/key-redaction.js';

/**
 * Scrubs keys out of text bound for a log. Keys the app has handled are removed by value (a key
 * could be pasted in any shape); anything key-shaped is masked as a second net.
 */
export class SecretRedactor {
  readonly #secrets = new Set<string>();

  add(secret: string): void {
    if (secret.length >= 8) this.#secrets.add(secret);
  }

  scrub(text: string): string {
    let out = text;
    for (const secret of this.#secrets) {
      if (out.includes(secret)) out = out.split(secret).join('[已隐藏]');
    }
    return redactApiKeys(out, '[已隐藏]');
  }
}
