import path from 'node:path';
import type Chain from 'webpack-chain';

/**
 * src/services/api/ is one file per subject of API calls, re-exported by its index. Its modules only
 * define functions, so they are marked side-effect free: a bundle that imports the index then takes
 * only the files whose calls it makes (the first page: the home card, districts, logout), and each
 * other file goes with the pages that call it. Without this, every file re-exported by the index
 * would follow it into the app bundle.
 */
export const apiCallsDir = path.resolve(__dirname, '..', 'src', 'services', 'api');

export function apiCallRules(chain: Chain): void {
  const rule = chain.module.rule('api-calls-side-effect-free').test(/\.ts$/).include.add(apiCallsDir).end();
  // webpack-chain 6 has Rule.sideEffects() but its types do not declare it.
  (rule as unknown as { sideEffects(value: boolean): void }).sideEffects(false);
}
