import { defineConfig } from '@tarojs/cli';

export default defineConfig<'webpack5'>(async () => ({
  projectName: 'baseline',
  designWidth: 375,
  deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: process.env.TARO_APP_OUT ?? `dist/${process.env.TARO_ENV}`,
  framework: 'react',
  compiler: 'webpack5',
  cache: { enable: false },
  terser: { enable: true, config: { output: { quote_keys: false } } },
  mini: { postcss: { pxtransform: { enable: true, config: {} } } },
  h5: { publicPath: '/', staticDirectory: 'static', router: { mode: 'hash' }, postcss: { pxtransform: { enable: false, config: {} } } },
}));
