import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import path from 'node:path';
import { PreloadFirstPagePlugin } from './preloadFirstPage';
import { StatsFilePlugin } from './statsFile';
import { apiCallRules } from './apiCalls';
import { FIRST_PAGE, h5SplitChunks } from './chunks';
import { contractRules, LazyContractsPlugin, withoutJsonSchema } from './contracts';
import { IndieSubpackagePlugin } from './indie';
import { weappContracts } from './weappContracts';
import { MODERN_MINI_OUTPUT } from './miniTerser';

/**
 * One config for three outputs:
 * - H5 with the mock host (TARO_APP_MSW=1): dist/h5-mock, what `npm start` serves;
 * - H5 for production (no msw at all): dist/h5;
 * - WeChat mini-program: dist/weapp (project.config.json points there);
 * - WeChat embed (TARO_APP_EMBED_ROOT=rxyjs, `--blended`): the module as one subpackage of a host
 *   mini-program under that root (config/indie.ts), its routes prefixed with it.
 */
const mockHost = process.env.TARO_APP_MSW === '1';
// The dev host (simulated 渝快办 and the QA panel): npm start's build, and the offline demo's.
const devHost = mockHost || process.env.TARO_APP_DEV_HOST === '1';
const platform = process.env.TARO_ENV ?? 'h5';
// Code outside src/ that the app imports: contracts always, the mock host in mock builds.
const compileInclude = [path.resolve(__dirname, '..', 'types'), path.resolve(__dirname, '..', 'mock'), path.resolve(__dirname, '..', 'server')];
// TARO_APP_OUT lets parallel builds (bench, several developers' e2e runs) write to their own folder.
const outputRoot = process.env.TARO_APP_OUT ?? (platform === 'h5' ? (mockHost ? 'dist/h5-mock' : devHost ? 'dist/h5-dev' : 'dist/h5') : `dist/${platform}`);
// TARO_APP_STATS=dir writes dir/<platform>.json, the chunk → module map scripts/bundle-report.mjs reads.
// The host's subpackage root for the module (npm run build:weapp-embed); mini-program builds only.
const embedRoot = platform !== 'h5' ? process.env.TARO_APP_EMBED_ROOT || null : null;
const statsFile = process.env.TARO_APP_STATS ? path.resolve(process.env.TARO_APP_STATS, `${platform}.json`) : null;

export default defineConfig<'webpack5'>(async (merge) => {
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'ruxue-yijianshi',
    date: '2026-11-28',
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    defineConstants: {
      DEV_HOST: JSON.stringify(devHost),
      MOCK_HOST: JSON.stringify(mockHost),
      API_ORIGIN: JSON.stringify(process.env.TARO_APP_API_ORIGIN ?? 'https://ruxue.cqedu.example'),
      // The runtime config's default routePrefix: the module's pages live under the host's root.
      ROUTE_PREFIX: JSON.stringify(embedRoot ? `/${embedRoot}` : ''),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@contract': path.resolve(__dirname, '..', 'types'),
      '@mock': path.resolve(__dirname, '..', 'mock'),
      '@server': path.resolve(__dirname, '..', 'server'),
    },
    copy: {
      patterns: mockHost ? [{ from: 'mock/public/mockServiceWorker.js', to: `${outputRoot}/mockServiceWorker.js` }] : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: compileInclude },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        // As on H5: the schemas in a chunk of their own, here loaded from a subpackage by require.async.
        contractRules(chain);
        apiCallRules(chain);
        chain.plugin('lazy-contracts').use(LazyContractsPlugin);
        weappContracts(chain);
        if (!devHost) withoutJsonSchema(chain);
        if (statsFile) chain.plugin('stats-file').use(StatsFilePlugin, [statsFile]);
        if (process.env.TARO_APP_SOURCEMAP === '1') chain.devtool('hidden-source-map');
        if (embedRoot) {
          chain.plugin('indie-subpackage').use(IndieSubpackagePlugin, [embedRoot]);
          // The host may itself be built with webpack (Taro or not) and own wx.webpackJsonp: the
          // module's chunks register under a name of their own.
          chain.output.set('chunkLoadingGlobal', `webpackJsonp_${embedRoot.replace(/\W/g, '_')}`);
        }
      },
    },
    h5: {
      // 'auto': assets load relative to the app's own script, so the build works at any path and embedded in a host page (hash router).
      publicPath: 'auto',
      compile: { include: compileInclude },
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        // px stay px on H5 so that elder mode and the 360 px checks measure real CSS pixels.
        pxtransform: { enable: false, config: {} },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      devServer: { host: '127.0.0.1', port: 4173 },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        contractRules(chain);
        apiCallRules(chain);
        chain.plugin('lazy-contracts').use(LazyContractsPlugin);
        if (!devHost) withoutJsonSchema(chain);
        h5SplitChunks(chain);
        chain.plugin('preload-first-page').use(PreloadFirstPagePlugin, [FIRST_PAGE]);
        if (statsFile) chain.plugin('stats-file').use(StatsFilePlugin, [statsFile]);
        // TARO_APP_SOURCEMAP=1: maps beside the files (not linked from them), for `bundle-report --bytes`.
        if (process.env.TARO_APP_SOURCEMAP === '1') chain.devtool('hidden-source-map');
      },
    },
  };
  if (process.env.NODE_ENV === 'development') {
    return merge({}, base, (await import('./dev')).default);
  }
  // Production client builds drop function names (Taro keeps them on H5 by default; nothing in the
  // module or its runtime reads them): 8 KB gzip of H5 JS, 4 KB of it on the first page. Builds with
  // the dev or mock host keep Taro's default, as the browser suite has always run them.
  const shipped: UserConfigExport<'webpack5'> = devHost ? {} : { terser: { enable: true, config: { keep_fnames: false, ...(platform === 'h5' ? {} : MODERN_MINI_OUTPUT) } } };
  return merge({}, base, (await import('./prod')).default, shipped);
});
