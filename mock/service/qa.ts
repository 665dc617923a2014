/** The QA API's operations: reset to a scenario, move the clock, choose the next face, inspect state. */
import { defaultIdentityId, findIdentity, identities } from '../data/identities';
import type { ServiceContext } from './context';
import { serverNow } from './context';
import { setClock } from './clock';
import { refuse } from './result';
import { emptyState } from './seed';
import type { MockState } from './state';
import { applyScenario, scenarioNames } from './scenarios';

export async function reset(ctx: ServiceContext, scenario?: string): Promise<{ scenario: string; now: string }> {
  const name = scenario ?? 'fresh';
  if (!scenarioNames().includes(name)) refuse('VALIDATION', `没有名为 ${name} 的场景`, { fieldErrors: { scenario: `可选：${scenarioNames().join('、')}` } });
  await ctx.store.replace(emptyState(ctx.realNow()));
  // Scenarios act through the service on the fresh store, like a parent, reviewer and clock would.
  await applyScenario(ctx, name);
  return ctx.store.write((state) => {
    state.scenario = name;
    // Scenario steps log in on their own; QA starts logged out, with the default face next.
    state.sessions = {};
    state.faceTickets = {};
    state.nextFaceIdentityId = defaultIdentityId;
    return { scenario: name, now: serverNow(ctx, state) };
  });
}

export async function moveClock(ctx: ServiceContext, now: unknown, frozen: unknown): Promise<{ now: string }> {
  if (typeof now !== 'string' || Number.isNaN(Date.parse(now))) {
    refuse('VALIDATION', '时间格式应为 ISO 8601，例如 2024-06-18T10:00:00+08:00', { fieldErrors: { now: '时间格式不正确' } });
  }
  return ctx.store.write((state) => {
    state.clock = setClock(now, ctx.realNow(), frozen === true);
    return { now: serverNow(ctx, state) };
  });
}

export async function chooseIdentity(ctx: ServiceContext, id: unknown): Promise<{ id: string }> {
  if (typeof id !== 'string' || !findIdentity(id)) {
    refuse('VALIDATION', '没有这个身份', { fieldErrors: { id: `可选：${identities.map((i) => i.id).join('、')}` } });
  }
  return ctx.store.write((state) => {
    state.nextFaceIdentityId = id;
    return { id };
  });
}

export async function snapshot(ctx: ServiceContext): Promise<MockState & { now: string }> {
  return ctx.store.read((state) => ({ ...JSON.parse(JSON.stringify(state)), now: serverNow(ctx, state) }));
}
