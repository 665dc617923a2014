Page({
  data: { hostName: '示例宿主' },
  openEnrolment() {
    wx.navigateTo({ url: '/pages/index/index' });
  },
});
