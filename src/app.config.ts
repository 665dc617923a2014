/**
 * Pages. The main package holds the first steps of the journey (home, login, district, children);
 * the rest are subpackages so the mini-program's main package stays small.
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index', 'pages/district/index', 'pages/children/index'],
  subPackages: [
    {
      root: 'pages/child',
      pages: ['add/index', 'detail/index', 'upkeep/index', 'materials/index', 'report-code/index'],
    },
    {
      root: 'pages/apply',
      pages: ['index', 'review/index', 'result/index'],
    },
    {
      root: 'pages/my',
      pages: ['index', 'applications/index', 'application/index', 'lottery/index', 'notice/index'],
    },
    {
      root: 'pages/service',
      pages: ['help/index', 'checkin/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f6fd1',
    navigationBarTitleText: '入学一件事',
    navigationBarTextStyle: 'white',
  },
});
