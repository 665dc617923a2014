/**
 * A minimal host mini-program that embeds 入学一件事 as one subpackage (`rxyjs/`, npm run
 * build:weapp-embed). The host only registers its bridge here: the main package cannot require code
 * inside a subpackage, so the module's pages load the module's app.js themselves when the parent
 * first opens one, and by then the registration below is in place.
 */
require('./host/register.js');

App({
  globalData: { hostName: '示例宿主' },
});
