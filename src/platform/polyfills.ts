/**
 * Imported first by the pages that load qrcode or @noble/curves (report code, check-in), not by the
 * app: no page of the main package needs it. On weapp it installs what the mini-program logic layer
 * lacks; on H5 (and in jest) the browser has it all and this module is empty.
 */
if (process.env.TARO_ENV === 'weapp') {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  require('./polyfills.weapp');
}
