/**
 * Scenario presets for POST /__qa/reset { scenario }: each jumps to a useful state so QA does not
 * have to click through the whole journey first.
 */
import type { ServiceContext } from './context';
import type { MockState } from './state';

export interface Scenario {
  name: string;
  /** Chinese description for the README and the QA panel. */
  description: string;
  apply(ctx: ServiceContext, state: MockState): Promise<void> | void;
}

const scenarios: Scenario[] = [
  {
    name: 'fresh',
    description: '全新状态：时间为 2024-05-08 10:00（子女信息维护期间），无任何申请',
    apply() {},
  },
];

export function registerScenario(scenario: Scenario): void {
  const index = scenarios.findIndex((s) => s.name === scenario.name);
  if (index >= 0) scenarios.splice(index, 1, scenario);
  else scenarios.push(scenario);
}

export const scenarioNames = () => scenarios.map((s) => s.name);
export const listScenarios = () => scenarios.map(({ name, description }) => ({ name, description }));

export async function applyScenario(ctx: ServiceContext, state: MockState, name: string): Promise<void> {
  const scenario = scenarios.find((s) => s.name === name);
  if (scenario) await scenario.apply(ctx, state);
}
