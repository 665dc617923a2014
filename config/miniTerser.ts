/**
 * Terser's output for the mini-program, over Taro's defaults (which write ES5 and escape every
 * non-ASCII character): ES2017 as the build targets (decision 010), and Chinese text as UTF-8
 * (3 bytes a character instead of 6 for "\uXXXX"; WeChat reads its code files as UTF-8). The bare
 * baseline is built with the same settings, so the budget compares toolchains alike.
 */
export const MODERN_MINI_OUTPUT = {
  compress: { ecma: 2017, arrows: true },
  output: { ecma: 2017, ascii_only: false },
};
