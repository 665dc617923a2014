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
