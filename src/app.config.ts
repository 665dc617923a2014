/**
 * Pages. The main package holds the first steps of the journey (home, login, district, children);
 * the rest are subpackages so the mini-program's main package stays small.
 *
 * The WeChat embed build (TARO_APP_EMBED_ROOT, npm run build:weapp-embed) is itself one subpackage of
 * the host, and a subpackage cannot hold subpackages: there every page is listed in `pages`.
 */
const MAIN_PAGES = ['pages/index/index', 'pages/login/index', 'pages/district/index', 'pages/children/index'];
const SUBPACKAGES = [
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
    pages: ['index', 'applications/index', 'application/index', 'lottery/index', 'notice/index', 'messages/index'],
  },
  {
    root: 'pages/service',
    pages: ['help/index', 'checkin/index'],
  },
];
const embedded = Boolean(process.env.TARO_APP_EMBED_ROOT) && process.env.TARO_ENV !== 'h5';

export default defineAppConfig({
  ...(embedded
    ? { pages: [...MAIN_PAGES, ...SUBPACKAGES.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))] }
    : { pages: MAIN_PAGES, subPackages: SUBPACKAGES }),
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f6fd1',
    navigationBarTitleText: '入学一件事',
    navigationBarTextStyle: 'white',
  },
});
