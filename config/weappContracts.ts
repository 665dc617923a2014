import type Chain from 'webpack-chain';
import webpack, { type Compiler } from 'webpack';
import path from 'node:path';
import { isContractsModule } from './chunks';
import { contractsDir } from './contracts';

const enumsDir = path.join(contractsDir, 'enums');

/**
 * zod and the answer schemas (and the bridge's file tools) out of the mini-program's main package (issue 14: main package ≤ 1.2×
 * a bare Taro app; zod alone is ~90 KB of the 2 MB main package).
 *
 * On H5 they are the lazy `contracts` chunk (config/contracts.ts). The mini-program has no
 * `<script>`, so babel-preset-taro turns `import()` into `require()` there, which put them in
 * vendors.js. Here the weapp build keeps `import()` (babel.config.js) and:
 * - cuts the lazy contracts (zod, types/ but types/enums/) into one async chunk whose file lies in the
 *   `pages/child` subpackage, the first one a parent opens after the main-package pages;
 * - gives webpack's chunk loading WeChat's `require.async` (base library ≥ 2.11.2, 分包异步化) in
 *   place of its `<script>` loader: the runtime (runtime.js, at the package root) asks for
 *   `./pages/child/contracts.js`; WeChat downloads the subpackage if needed and runs the file, which
 *   registers its modules with webpack's jsonp callback as every Taro chunk does.
 * The client still parses every answer with the schemas: `http.ts` awaits the loader before it parses.
 */
export const WEAPP_CONTRACTS_CHUNK = 'pages/child/contracts';
/** The weapp bridge's on-demand part (src/bridge/weapp/media.ts, device.ts), loaded the same way on first use. */
export const WEAPP_ON_DEMAND_CHUNK = 'pages/child/bridge-on-demand';
const isBridgeOnDemandModule = (m: { resource?: string }): boolean => !!m.resource && /[\\/]src[\\/]bridge[\\/](weapp[\\/](media|device|mime)|compressionLadder)\.ts$/.test(m.resource);

class RequireAsyncLoadScript extends webpack.RuntimeModule {
  constructor() {
    super('load script by require.async');
  }

  generate(): string {
    const { Template, RuntimeGlobals } = webpack;
    return Template.asString([
      `${RuntimeGlobals.loadScript} = function (url, done) {`,
      Template.indent([
        "var src = './' + String(url).replace(/^\\.?\\//, '');",
        'require.async(src).then(',
        Template.indent([
          "function () { done({ type: 'load', target: { src: src } }); },",
          "function (error) { done({ type: 'error', target: { src: src + ' (' + ((error && (error.errMsg || error.message)) || error) + ')' } }); }",
        ]),
        ');',
      ]),
      '};',
    ]);
  }
}

/** What app.js requires before anything runs (Taro's mini-program app entry): every async chunk can count on them. */
const LOADED_AT_LAUNCH = ['runtime', 'taro', 'vendors', 'common', 'app'];

export class RequireAsyncChunksPlugin {
  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap('RequireAsyncChunks', (compilation) => {
      // webpack leaves in an async chunk the modules that one of its parents (Taro makes the app and
      // every page an entry) lacks before splitChunks; on the mini-program the launch chunks are
      // always there first, so the async chunk drops what they already hold, and goes if it empties.
      compilation.hooks.optimizeChunks.tap({ name: 'RequireAsyncChunks', stage: 20 }, (chunks) => {
        const { chunkGraph } = compilation;
        const launch = LOADED_AT_LAUNCH.map((name) => compilation.namedChunks.get(name)).filter((c): c is webpack.Chunk => !!c);
        for (const chunk of [...chunks]) {
          if (chunk.canBeInitial()) continue;
          for (const module of [...chunkGraph.getChunkModulesIterable(chunk)]) {
            if (launch.some((c) => chunkGraph.isModuleInChunk(module, c))) chunkGraph.disconnectChunkAndModule(chunk, module);
          }
          if (chunkGraph.getNumberOfChunkModules(chunk) === 0 && !chunk.hasRuntime()) {
            chunkGraph.disconnectChunk(chunk);
            compilation.chunks.delete(chunk);
          }
        }
      });
      // Before webpack's own loader (RuntimePlugin); a bail hook, so webpack's <script> loader is not added.
      compilation.hooks.runtimeRequirementInTree.for(webpack.RuntimeGlobals.loadScript).tap({ name: 'RequireAsyncChunks', stage: -10 }, (chunk) => {
        compilation.addRuntimeModule(chunk, new RequireAsyncLoadScript());
        return true;
      });
    });
  }
}

export function weappContracts(chain: Chain): void {
  const splitChunks = chain.optimization.get('splitChunks') as { cacheGroups: Record<string, Record<string, unknown>> };
  // Taro's common and vendors groups cut initial chunks only: the async chunk keeps its own modules
  // (modules the main package already has are not repeated in it).
  for (const group of ['common', 'vendors']) splitChunks.cacheGroups[group] = { ...splitChunks.cacheGroups[group], chunks: 'initial' };
  splitChunks.cacheGroups.contracts = {
    name: WEAPP_CONTRACTS_CHUNK,
    test: isContractsModule,
    chunks: 'async',
    minChunks: 1,
    priority: 200,
    enforce: true,
  };
  // The enum lists (types/enums/, one file per subject for the H5 first page) stay in the main
  // package's common chunk, as one file they were: the schemas of the async chunk and the pages of
  // every subpackage use them, and a subpackage cannot load another's copy.
  splitChunks.cacheGroups.enums = { name: 'common', test: (m: { resource?: string }) => !!m.resource && m.resource.startsWith(enumsDir + path.sep), chunks: 'all', minChunks: 1, priority: 250, enforce: true };
  splitChunks.cacheGroups.bridgeOnDemand = { name: WEAPP_ON_DEMAND_CHUNK, test: isBridgeOnDemandModule, chunks: 'async', minChunks: 1, priority: 200, enforce: true };
  chain.optimization.splitChunks(splitChunks);
  chain.plugin('require-async-chunks').use(RequireAsyncChunksPlugin);
}
