/**
 * Fault injection (POST /__qa/faults): a handler placed before all API handlers answers the
 * chosen failure instead of the real one, for a route or for everything, a number of times.
 */
import { delay, http, HttpResponse } from 'msw';
import type { EnrolmentService } from '../service';
import type { FaultRule } from '../service/state';

const TIMEOUT_DELAY_MS = 20000;

export function faultResponse(rule: FaultRule): Promise<Response> | Response {
  switch (rule.kind) {
    case 'error500':
      return HttpResponse.json({ error: { code: 'INTERNAL', message: '服务暂时出现问题，请稍后重试。您填写的内容已保存。', traceId: 'qa-fault' } }, { status: 500 });
    case 'overloaded':
      return HttpResponse.json(
        { error: { code: 'OVERLOADED', message: '当前访问人数较多，请稍候', retryAfter: 10 } },
        { status: 429, headers: { 'Retry-After': '10' } },
      );
    case 'sessionExpired':
      return HttpResponse.json({ error: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新刷脸登录，您填写的内容不会丢失' } }, { status: 401 });
    case 'offline':
      return HttpResponse.error();
    case 'timeout':
      return delay(TIMEOUT_DELAY_MS).then(() => HttpResponse.error());
  }
}

export function faultHandler(service: EnrolmentService, pattern: string) {
  return http.all(pattern, async ({ request }) => {
    const path = new URL(request.url).pathname;
    const matches = (f: FaultRule) => !f.route || path.includes(f.route);
    // Most requests see no fault: read first so they do not cost a write.
    if (!(await service.ctx.store.read((state) => state.faults.some(matches)))) return undefined;
    const rule = await service.ctx.store.write((state) => {
      const hit = state.faults.find(matches);
      if (!hit) return null;
      if (hit.remaining !== undefined) {
        hit.remaining -= 1;
        if (hit.remaining <= 0) state.faults = state.faults.filter((f) => f !== hit && f.id !== hit.id);
      }
      return { ...hit };
    });
    // No fault: fall through to the real handler.
    if (!rule) return undefined;
    return faultResponse(rule);
  });
}
