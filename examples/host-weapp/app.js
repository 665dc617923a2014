/**
 * A minimal host mini-program that embeds 入学一件事 (the module's blended build, `npm run
 * build:weapp-embed`). Order matters: the host registers its bridge before it requires the module,
 * because the module starts its bridge while its app.js loads.
 */
require('./host/register.js');
const { taroApp } = require('./rxyjs-app.js');

App({
  globalData: { hostName: '示例宿主' },
  onLaunch() {
    // The module's app already launched when it was required (Taro blended mode).
  },
  onShow(options) {
    if (taroApp && taroApp.onShow) taroApp.onShow(options);
  },
  onHide() {
    if (taroApp && taroApp.onHide) taroApp.onHide();
  },
  onError(error) {
    if (taroApp && taroApp.onError) taroApp.onError(error);
  },
});
