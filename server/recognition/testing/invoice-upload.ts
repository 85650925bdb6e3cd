import type { LightMyRequestResponse } from 'fastify';
import { bearer, type TestEngine } from '../../testing/test-engine.js';

export const RECOGNIZE = '/api/v2/invoice/recognize';

/** A multipart body exactly as a browser or `curl -F` builds it, via the platform's own FormData. */
export async function multipartBody(
  fields: Record<string, string>,
  file?: { bytes: Uint8Array; name: string; type?: string },
): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  if (file)
    form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const contentType = request.headers.get('content-type') ?? '';
  return { body: Buffer.from(await request.arrayBuffer()), contentType };
}

export async function uploadInvoice(
  engine: TestEngine,
  apiKey: string,
  fields: Record<string, string>,
  file?: { bytes: Uint8Array; name: string; type?: string },
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const { body, contentType } = await multipartBody(fields, file);
  return engine.app.inject({
    method: 'POST',
    url: RECOGNIZE,
    headers: { ...bearer(apiKey), 'content-type': contentType, ...headers },
    payload: body,
  });
}
