import type { UserConfigExport } from '@tarojs/cli';

export default {
  mini: {},
  h5: {},
  // Taro's default terser output quotes keys and emits `#"x"` for msw's private members: keep them valid.
  terser: { enable: true, config: { output: { quote_keys: false } } },
} satisfies UserConfigExport<'webpack5'>;
