import path from 'node:path';
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

/** zod and the schemas of types/; not types/enums.ts, the plain lists a page may show without any schema. */
export const isContractsModule = (m: { resource?: string }): boolean =>
  !!m.resource && (nodeModule('zod').test(m.resource) || (m.resource.startsWith(contractsDir + path.sep) && !m.resource.startsWith(path.join(contractsDir, 'enums.ts'))));

export function h5SplitChunks(chain: Chain): void {
  const asyncGroup = (name: string, test: RegExp | ((m: { resource?: string }) => boolean), priority: number): CacheGroup => ({
    name,
    test,
    chunks: 'async',
    minChunks: 1,
    priority,
    enforce: true,
    reuseExistingChunk: true,
  });
  chain.optimization.splitChunks({
    chunks: 'all',
    hidePathInfo: true,
    minSize: 0,
    maxInitialRequests: Infinity,
    maxAsyncRequests: Infinity,
    cacheGroups: {
      default: false,
      defaultVendors: false,
      // As Taro's default: the framework of the entry in its own initial chunk.
      taro: { name: false, test: /@tarojs[\\/][a-z]+/, chunks: 'initial', priority: 100 },
      // Stencil's scoped-CSS shim (for browsers without shadow DOM) stays the lazy chunk Stencil asks for when needed.
      // Not the cores src/components/native creates on their own: they go with the pages that use them.
      components: asyncGroup('taro-components', (m) => !!m.resource && nodeModule('@tarojs/components', '@stencil/core').test(m.resource) && !/shadow-css|taro-(input|textarea|image)-core/.test(m.resource), 90),
      helpers: asyncGroup('runtime-helpers', nodeModule('react', 'react-dom', '@babel/runtime', 'tslib', 'scheduler'), 80),
      contracts: asyncGroup('contracts', isContractsModule, 60),
      qrcode: asyncGroup('qrcode', nodeModule('qrcode', 'dijkstrajs', 'pngjs', 'encode-utf8'), 50),
      noble: asyncGroup('noble', nodeModule('@noble/curves', '@noble/hashes'), 50),
      // Everything else two or more pages use: one chunk per set of pages.
      shared: { name: false, chunks: 'async', minChunks: 2, priority: 10, reuseExistingChunk: true },
    },
  });
}
