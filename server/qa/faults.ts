/**
 * Fault injection for QA (development only): the chosen failure is answered instead of the real one,
 * for an API route (substring) or for every route, a number of times. `offline` and `timeout` cannot
 * be answered by an HTTP app: the response carries X-QA-Fault and the transport (MSW in the browser,
 * the Node server) turns it into a dropped connection, at once or after 20 s.
 */
import type { ApiErrorBody } from '@contract/errors';

export const FAULT_KINDS = ['error500', 'timeout', 'offline', 'sessionExpired', 'overloaded'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  id: string;
  route?: string;
  kind: FaultKind;
  /** How many requests it still affects; absent means until cleared. */
  remaining?: number;
}

export const QA_FAULT_HEADER = 'X-QA-Fault';
/** How long a `timeout` fault holds the request before dropping it. */
export const TIMEOUT_DELAY_MS = 20000;

export interface FaultBoard {
  list(): FaultRule[];
  add(rule: Omit<FaultRule, 'id'>): FaultRule[];
  clear(): void;
  /** The fault this request meets (and spends), if any. */
  take(path: string): FaultRule | null;
}

export function createFaultBoard(): FaultBoard {
  let rules: FaultRule[] = [];
  let sequence = 0;
  return {
    list: () => rules.map((r) => ({ ...r })),
    add(rule) {
      sequence += 1;
      rules.push({ ...rule, id: `fault-${sequence}` });
      return rules.map((r) => ({ ...r }));
    },
    clear() {
      rules = [];
    },
    take(path) {
      const hit = rules.find((f) => !f.route || path.includes(f.route));
      if (!hit) return null;
      if (hit.remaining !== undefined) {
        hit.remaining -= 1;
        if (hit.remaining <= 0) rules = rules.filter((f) => f !== hit);
      }
      return { ...hit };
    },
  };
}

const json = (status: number, body: ApiErrorBody, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** The response a fault answers with. */
export function faultResponse(rule: FaultRule): Response {
  switch (rule.kind) {
    case 'error500':
      return json(500, { error: { code: 'INTERNAL', message: '服务暂时出现问题，请稍后重试。您填写的内容已保存。', traceId: 'qa-fault' } });
    case 'overloaded':
      return json(429, { error: { code: 'OVERLOADED', message: '当前访问人数较多，请稍候', retryAfter: 10 } }, { 'Retry-After': '10' });
    case 'sessionExpired':
      return json(401, { error: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新刷脸登录，您填写的内容不会丢失' } });
    case 'offline':
    case 'timeout':
      return new Response(null, { status: 599, headers: { [QA_FAULT_HEADER]: rule.kind } });
  }
}
