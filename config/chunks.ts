import path from 'node:path';
import webpack from 'webpack';
import type Chain from 'webpack-chain';
import { contractsDir } from './contracts';

/**
 * How the H5 and weapp bundles are cut, so that no module ships in more than one chunk a parent
 * downloads (measured by `node scripts/bundle-report.mjs`, budgeted in `npm run bench`).
 *
 * Taro's defaults split only initial chunks on H5 (`chunks: 'initial'`), so every page chunk carried
 * its own copy of the component wrappers, dayjs, the domain and the stores. Here:
 * - vendors shared by pages get one named chunk each (Taro's component wrappers, React/Babel runtime
 *   helpers, zod with the contracts, qrcode, @noble) — stable files a phone caches once;
 * - app code used by two or more pages goes to chunks cut by the set of pages that use it
 *   (`name: false`), so a page downloads only the modules it runs.
 */
const nodeModule = (...names: string[]) => new RegExp(`[\\\\/]node_modules[\\\\/](${names.map((n) => n.replace('/', '[\\\\/]')).join('|')})[\\\\/]`);

type CacheGroup = Record<string, unknown>;

/** The page the H5 app opens on (also given to PreloadFirstPagePlugin). */
export const FIRST_PAGE = 'pages/index/index';

/** zod and the schemas of types/; not types/enums/, the plain lists a page may show without any schema. */
export const isContractsModule = (m: { resource?: string }): boolean =>
  !!m.resource && (nodeModule('zod').test(m.resource) || (m.resource.startsWith(contractsDir + path.sep) && !m.resource.startsWith(path.join(contractsDir, 'enums') + path.sep)));

export function h5SplitChunks(chain: Chain): void {
  // Taro's React component wrappers ship their own bundled copy of tslib (for one helper, __rest);
  // the app's tslib, which Taro's runtime loads anyway, serves them, so the first page has one copy.
  chain.plugin('one-tslib').use(webpack.NormalModuleReplacementPlugin, [/[\\/]\.pnpm[\\/].*[\\/]tslib[\\/]tslib\.es6\.js$/, require.resolve('tslib/tslib.es6.mjs')]);
  const asyncGroup = (name: string, test: RegExp | ((m: { resource?: string }) => boolean), priority: number): CacheGroup => ({
    name,
    test,
    chunks: 'async',
    minChunks: 1,
    priority,
    enforce: true,
    reuseExistingChunk: true,
  });
  // Every module the first page runs (its own, the kit, the stores, Taro's component wrappers and the
  // React helpers) in one chunk: the home page then loads three files instead of twelve, which is
  // 3 KB gzip less to download (one compression context, one jsonp wrapper) and shorter chunk lists
  // in every route's loader. Pages using a part of it load all of it, already cached after home.
  const firstPage: CacheGroup = {
    name: 'first-page',
    test: (_m: unknown, { chunkGraph }: { chunkGraph: { getModuleChunksIterable(m: unknown): Iterable<{ groupsIterable: Iterable<{ origins: Array<{ request?: string }> }> }> } }) =>
      [...chunkGraph.getModuleChunksIterable(_m)].some((chunk) => [...chunk.groupsIterable].some((group) => group.origins.some((origin) => origin.request === `./${FIRST_PAGE}`))),
    chunks: 'async',
    minChunks: 1,
    priority: 200,
    enforce: true,
    reuseExistingChunk: true,
  };
  chain.optimization.splitChunks({
    chunks: 'all',
    hidePathInfo: true,
    minSize: 0,
    maxInitialRequests: Infinity,
    maxAsyncRequests: Infinity,
    cacheGroups: {
      default: false,
      defaultVendors: false,
      firstPage,
      // Unlike Taro's default, the framework is not an initial chunk of its own: in the app's file it
      // is one request and one compression context less on the first page (0.4 KB gzip), and every
      // release changes the app's file anyway.
      // Stencil's scoped-CSS shim (for browsers without shadow DOM) stays the lazy chunk Stencil asks for when needed.
      // Not the cores src/components/native creates on their own: they go with the pages that use them.
      components: asyncGroup('taro-components', (m) => !!m.resource && nodeModule('@tarojs/components', '@stencil/core').test(m.resource) && !/shadow-css|taro-(input|textarea|image)-core/.test(m.resource), 90),
      helpers: asyncGroup('runtime-helpers', nodeModule('react', 'react-dom', '@babel/runtime', 'tslib', 'scheduler'), 80),
      contracts: asyncGroup('contracts', isContractsModule, 60),
      qrcode: asyncGroup('qrcode', nodeModule('qrcode', 'dijkstrajs', 'pngjs', 'encode-utf8'), 50),
      noble: asyncGroup('noble', nodeModule('@noble/curves', '@noble/hashes'), 50),
      // App code most pages use (the kit, the stores, the services): one chunk, so a route's loader
      // lists a few chunks instead of twenty (each route's list is in the first page's bundle).
      common: { name: 'common', chunks: 'async', minChunks: 4, priority: 20, enforce: true, reuseExistingChunk: true },
      // Everything else two or more pages use: one chunk per set of pages.
      shared: { name: false, chunks: 'async', minChunks: 2, priority: 10, reuseExistingChunk: true },
    },
  });
}
