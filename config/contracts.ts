import path from 'node:path';
import type Chain from 'webpack-chain';
import type { Compiler, javascript } from 'webpack';

type JavascriptParser = javascript.JavascriptParser;

/**
 * The contracts in types/ are zod schemas built at module level. The client needs two things from
 * them: a few plain values at once (`routes`, `BRIDGE_CONTRACT_VERSION`) and the answer schemas
 * later, when an answer arrives (src/services/api/call.ts imports them with `import()`). Zod and the
 * schemas are the largest code the module has, so they must not ride along with the plain values.
 *
 * - pureContractsLoader.cjs marks each top-level declaration of types/ pure and the rule below marks
 *   the modules side-effect free: a chunk that uses `routes` keeps `routes` and nothing of zod.
 * - LazyContractsPlugin gives `import('@contract/…')` its own module instance (`?lazy`): webpack
 *   places a module in one chunk only, so without it the schemas would follow the statically
 *   imported `routes` into the app chunk. The lazy instance and all it imports (zod, the other
 *   contracts) form the `contracts` chunk (config/chunks.ts). Both instances run the same code; the
 *   plain one is reduced to the values the app uses statically.
 * On the mini-program Babel turns `import()` into `require()` (babel-preset-taro), so the plugin
 * does nothing there and the schemas ship where src/services/api/call.ts is.
 */
export const contractsDir = path.resolve(__dirname, '..', 'types');

export function contractRules(chain: Chain): void {
  const rule = chain.module.rule('pure-contracts').test(/\.ts$/).include.add(contractsDir).end().enforce('post');
  rule.use('pure-contracts').loader(path.resolve(__dirname, 'pureContractsLoader.cjs'));
  // webpack-chain 6 has Rule.sideEffects() but its types do not declare it.
  (rule as unknown as { sideEffects(value: boolean): void }).sideEffects(false);
}

/** Client bundles without zod's JSON Schema generator (see the loader); not where the server is embedded. */
export function withoutJsonSchema(chain: Chain): void {
  chain.module
    .rule('zod-without-json-schema')
    .test(/[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/](to-json-schema|json-schema-processors)\.js$/)
    .use('without-json-schema')
    .loader(path.resolve(__dirname, 'withoutJsonSchemaLoader.cjs'));
}

export class LazyContractsPlugin {
  apply(compiler: Compiler): void {
    compiler.hooks.normalModuleFactory.tap('LazyContracts', (factory) => {
      for (const type of ['javascript/auto', 'javascript/esm']) {
        factory.hooks.parser.for(type).tap('LazyContracts', (parser: JavascriptParser) => {
          // Before webpack's own import() handling reads the request: a request of its own, because
          // webpack resolves the static and the dynamic import of one request string together.
          parser.hooks.importCall.tap({ name: 'LazyContracts', stage: -100 }, (expression) => {
            const source = (expression as { source: { type: string; value?: unknown } }).source;
            if (source.type === 'Literal' && typeof source.value === 'string' && source.value.startsWith('@contract/') && !source.value.includes('?')) {
              source.value += '?lazy';
            }
            return undefined;
          });
        });
      }
    });
  }
}
