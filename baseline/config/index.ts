import { defineConfig } from '@tarojs/cli';
import { MODERN_MINI_OUTPUT } from '../../config/miniTerser';

export default defineConfig<'webpack5'>(async () => ({
  projectName: 'baseline',
  designWidth: 375,
  deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: process.env.TARO_APP_OUT ?? `dist/${process.env.TARO_ENV}`,
  framework: 'react',
  compiler: 'webpack5',
  cache: { enable: false },
  // The module's mini-program output settings (config/miniTerser.ts), so both are minified alike.
  terser: { enable: true, config: process.env.TARO_ENV === 'h5' ? { output: { quote_keys: false } } : { ...MODERN_MINI_OUTPUT, output: { ...MODERN_MINI_OUTPUT.output, quote_keys: false } } },
  mini: { postcss: { pxtransform: { enable: true, config: {} } } },
  h5: { publicPath: '/', staticDirectory: 'static', router: { mode: 'hash' }, postcss: { pxtransform: { enable: false, config: {} } } },
}));
