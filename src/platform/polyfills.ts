/**
 * Imported first by app.ts. On weapp it installs what the mini-program logic layer lacks; on H5
 * (and in jest) the browser has it all and this module is empty.
 */
if (process.env.TARO_ENV === 'weapp') {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  require('./polyfills.weapp');
}
