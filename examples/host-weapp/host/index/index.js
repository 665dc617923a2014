Page({
  data: { hostName: '示例宿主' },
  openEnrolment() {
    // The module's home under the subpackage root this host gave it in app.json.
    wx.navigateTo({ url: '/rxyjs/pages/index/index' });
  },
});
