/** Fault rules for POST/DELETE /__qa/faults; the MSW fault handler answers them before the API. */
import type { FaultKind, FaultRule } from './state';
import type { ServiceContext } from './context';
import { refuse } from './result';

const KINDS: FaultKind[] = ['error500', 'timeout', 'offline', 'sessionExpired', 'overloaded'];

export async function addFault(ctx: ServiceContext, body: { route?: unknown; kind?: unknown; times?: unknown }): Promise<{ faults: FaultRule[] }> {
  if (!KINDS.includes(body.kind as FaultKind)) {
    refuse('VALIDATION', `故障类型只能是 ${KINDS.join('、')}`, { fieldErrors: { kind: '请选择故障类型' } });
  }
  if (body.route !== undefined && body.route !== null && typeof body.route !== 'string') {
    refuse('VALIDATION', '接口路径应为字符串，例如 /api/v1/applications', { fieldErrors: { route: '接口路径不正确' } });
  }
  const times = body.times === undefined || body.times === null ? undefined : Number(body.times);
  if (times !== undefined && (!Number.isInteger(times) || times < 1)) {
    refuse('VALIDATION', '次数应为正整数', { fieldErrors: { times: '次数应为正整数' } });
  }
  return ctx.store.write((state) => {
    state.sequence += 1;
    const rule: FaultRule = { id: `fault-${state.sequence}`, kind: body.kind as FaultKind };
    if (typeof body.route === 'string' && body.route) rule.route = body.route;
    if (times !== undefined) rule.remaining = times;
    state.faults.push(rule);
    return { faults: state.faults };
  });
}

export async function clearFaults(ctx: ServiceContext): Promise<{ faults: FaultRule[] }> {
  return ctx.store.write((state) => {
    state.faults = [];
    return { faults: [] };
  });
}
