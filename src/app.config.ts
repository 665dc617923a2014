/**
 * Pages. The main package holds only the home page; every other page is in a subpackage so the
 * mini-program's main package stays small (a page's root may be its own folder, so paths do not
 * change). The first steps (login, district, children) are preloaded from home, so a parent never
 * waits for them.
 *
 * The WeChat embed build (TARO_APP_EMBED_ROOT, npm run build:weapp-embed) is itself one subpackage of
 * the host, and a subpackage cannot hold subpackages: there every page is listed in `pages`, as on H5.
 */
const MAIN_PAGES = ['pages/index/index'];
const FIRST_STEPS = ['pages/login', 'pages/district', 'pages/children'];
const SUBPACKAGES = [
  ...FIRST_STEPS.map((root) => ({ root, pages: ['index'] })),
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
// H5 has no packages to download: its router takes the same routes from a flat list, and the
// subpackage and preload tables would only be bytes in the first page's bundle.
const flat = embedded || process.env.TARO_ENV === 'h5';

export default defineAppConfig({
  ...(flat
    ? { pages: [...MAIN_PAGES, ...SUBPACKAGES.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))] }
    : { pages: MAIN_PAGES, subPackages: SUBPACKAGES, preloadRule: { 'pages/index/index': { network: 'all', packages: FIRST_STEPS } } }),
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f6fd1',
    navigationBarTitleText: '入学一件事',
    navigationBarTextStyle: 'white',
  },
});
