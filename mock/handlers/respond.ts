/** Turns a service result into an HTTP response of the contract's shapes. */
import { HttpResponse } from 'msw';
import type { ServiceResult } from '../service/result';

export function respond<T>(result: ServiceResult<T>): Response {
  if (result.ok) {
    if (result.value === undefined) return new HttpResponse(null, { status: 204 });
    return HttpResponse.json(result.value as object, { status: result.status ?? 200 });
  }
  const headers: Record<string, string> = {};
  if (result.error.retryAfter !== undefined) headers['Retry-After'] = String(result.error.retryAfter);
  return HttpResponse.json({ error: result.error }, { status: result.status, headers });
}

export async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  try {
    const body = await request.json();
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Bytes with their content type (previews, the notice PDF); a file name makes it a download. */
export function binary(bytes: Uint8Array, mime: string, fileName?: string): Response {
  const headers: Record<string, string> = { 'Content-Type': mime, 'Content-Length': String(bytes.length), 'Cache-Control': 'private, no-store' };
  if (fileName) headers['Content-Disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;
  // A fresh ArrayBuffer: a Uint8Array view may sit on a larger shared buffer.
  return new HttpResponse(bytes.slice().buffer as ArrayBuffer, { status: 200, headers });
}
