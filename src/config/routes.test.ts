import { configure, resetConfig } from './index';
import { encodeReturnTo, PAGE_PATHS, pageOf, parseReturnTo, returnUrl, routes } from './routes';

describe('route table', () => {
  afterEach(() => resetConfig());

  it('names exactly the pages app.config.ts declares', () => {
    (globalThis as unknown as { defineAppConfig: (x: unknown) => unknown }).defineAppConfig = (x) => x;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const app = require('../app.config').default as { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> };
    const declared = [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((x) => `${p.root}/${x}`))].sort();
    expect(Object.values(PAGE_PATHS).sort()).toEqual(declared);
  });

  it('builds URLs with encoded parameters and leaves out missing ones', () => {
    expect(routes.apply('primary')).toBe('/pages/apply/index?stage=primary');
    expect(routes.apply('junior', 'school')).toBe('/pages/apply/index?stage=junior&section=school');
    expect(routes.application('a b/1')).toBe('/pages/my/application/index?id=a%20b%2F1');
    expect(routes.upkeep()).toBe('/pages/child/upkeep/index');
    expect(pageOf('/pages/login/index?returnTo=x')).toBe('login');
    expect(pageOf('pages/apply/review/index')).toBe('review');
  });

  it('a step opened from a flow carries a typed returnTo that leads back to that flow, and nothing else', () => {
    const from = { page: 'apply' as const, params: { stage: 'junior', section: 'district' } };
    const link = routes.district(from);
    expect(link).toBe('/pages/district/index?returnTo=apply%7Cstage%3Djunior%26section%3Ddistrict');
    const raw = decodeURIComponent(link.split('returnTo=')[1]);
    expect(parseReturnTo(raw)).toEqual(from);
    expect(returnUrl(parseReturnTo(raw)!)).toBe(routes.apply('junior', 'district'));
    expect(parseReturnTo(encodeReturnTo({ page: 'children' }))).toEqual({ page: 'children' });
    // Raw paths, other hosts, unknown pages and odd values are refused (no open redirect).
    for (const bad of ['/pages/apply/index', 'https://evil.example/x', '//evil.example', 'nowhere', 'apply|stage=<b>', 'apply|x', 'apply|returnTo=home', 'constructor', 'toString']) {
      expect(parseReturnTo(bad)).toBeNull();
    }
    expect(parseReturnTo(undefined)).toBeNull();
  });

  it('applies the configured route prefix', () => {
    configure({ routePrefix: '/packages/ruxue' });
    expect(routes.home()).toBe('/packages/ruxue/pages/index/index');
    expect(pageOf('/packages/ruxue/pages/login/index')).toBe('login');
  });

  it('takes its default prefix from the build (the WeChat embed build sets ROUTE_PREFIX to the host root)', () => {
    const scope = globalThis as unknown as { ROUTE_PREFIX?: string };
    scope.ROUTE_PREFIX = '/rxyjs';
    try {
      jest.isolateModules(() => {
        /* eslint-disable @typescript-eslint/no-require-imports */
        const built = require('./routes') as typeof import('./routes');
        expect(built.routes.apply('primary')).toBe('/rxyjs/pages/apply/index?stage=primary');
        expect(built.pageOf('/rxyjs/pages/my/notice/index?id=1')).toBe('notice');
        /* eslint-enable @typescript-eslint/no-require-imports */
      });
    } finally {
      delete scope.ROUTE_PREFIX;
    }
  });

  it('lists every page in the main package for the embed build (a subpackage holds no subpackages)', () => {
    (globalThis as unknown as { defineAppConfig: (x: unknown) => unknown }).defineAppConfig = (x) => x;
    const platform = process.env.TARO_ENV;
    process.env.TARO_APP_EMBED_ROOT = 'rxyjs';
    process.env.TARO_ENV = 'weapp';
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const app = require('../app.config').default as { pages: string[]; subPackages?: unknown[] };
        expect(app.subPackages).toBeUndefined();
        expect([...app.pages].sort()).toEqual(Object.values(PAGE_PATHS).sort());
        expect(app.pages[0]).toBe('pages/index/index');
      });
    } finally {
      delete process.env.TARO_APP_EMBED_ROOT;
      process.env.TARO_ENV = platform;
    }
  });
});
