/**
 * Every page of the module, once: its path (as in app.config.ts) and a typed builder for its URL.
 * Pages, components and stores navigate with `routes.x(...)`, never with a typed '/pages/…' string;
 * the configured routePrefix is applied here.
 */
import type { Stage } from '@contract/calendar';
import { runtimeConfig } from './index';

/** Page paths without the leading slash, as app.config.ts lists them. */
export const PAGE_PATHS = {
  home: 'pages/index/index',
  login: 'pages/login/index',
  district: 'pages/district/index',
  children: 'pages/children/index',
  childAdd: 'pages/child/add/index',
  childDetail: 'pages/child/detail/index',
  upkeep: 'pages/child/upkeep/index',
  materials: 'pages/child/materials/index',
  reportCode: 'pages/child/report-code/index',
  apply: 'pages/apply/index',
  review: 'pages/apply/review/index',
  result: 'pages/apply/result/index',
  my: 'pages/my/index',
  applications: 'pages/my/applications/index',
  application: 'pages/my/application/index',
  lottery: 'pages/my/lottery/index',
  notice: 'pages/my/notice/index',
  messages: 'pages/my/messages/index',
  help: 'pages/service/help/index',
  checkin: 'pages/service/checkin/index',
} as const;

export type PageName = keyof typeof PAGE_PATHS;

/** Sections of the registration form a check-answers row returns to. */
export type ApplySection = 'district' | 'child' | 'school' | 'notes' | 'info' | 'materials';

/**
 * Where a step opened from a flow (选择区域 from 申报, 我的子女 and 手动新增 from 申报, 刷脸登录 from a
 * page) brings the parent back when it is done: a page of this table and its parameters. It travels in
 * the URL as "page|key=value&…" and is parsed back against the table, so a crafted link can only ever
 * lead to one of the module's own pages (no open redirect): never a raw path taken from the URL.
 */
export interface ReturnTo {
  page: PageName;
  params?: Record<string, string>;
}

const RETURN_KEY = /^[A-Za-z]{1,20}$/;
// Ids, stages and sections only: nothing that needs escaping, nothing personal.
const RETURN_VALUE = /^[A-Za-z0-9_-]{1,80}$/;

export function encodeReturnTo(to: ReturnTo): string {
  const params = Object.entries(to.params ?? {}).filter(([k, v]) => RETURN_KEY.test(k) && RETURN_VALUE.test(v) && k !== 'returnTo');
  return params.length ? `${to.page}|${params.map(([k, v]) => `${k}=${v}`).join('&')}` : to.page;
}

/** The typed ReturnTo of a page's returnTo parameter, or null when absent or not one of the table's pages. */
export function parseReturnTo(raw: string | undefined | null): ReturnTo | null {
  if (!raw) return null;
  const [page, query = ''] = raw.split('|');
  if (!Object.prototype.hasOwnProperty.call(PAGE_PATHS, page)) return null;
  const params: Record<string, string> = {};
  for (const pair of query ? query.split('&') : []) {
    const [k, v] = pair.split('=');
    if (!k || v === undefined || !RETURN_KEY.test(k) || !RETURN_VALUE.test(v) || k === 'returnTo') return null;
    params[k] = v;
  }
  return Object.keys(params).length ? { page: page as PageName, params } : { page: page as PageName };
}

const url = (page: PageName, query: Record<string, string | undefined> = {}) => {
  const q = Object.entries(query)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return `${runtimeConfig().routePrefix}/${PAGE_PATHS[page]}${q ? `?${q}` : ''}`;
};

const back = (from?: ReturnTo) => (from ? encodeReturnTo(from) : undefined);

export const routes = {
  home: () => url('home'),
  login: (from?: ReturnTo) => url('login', { returnTo: back(from) }),
  district: (from?: ReturnTo) => url('district', { returnTo: back(from) }),
  children: (from?: ReturnTo) => url('children', { returnTo: back(from) }),
  childAdd: (from?: ReturnTo) => url('childAdd', { returnTo: back(from) }),
  childDetail: (childId: string) => url('childDetail', { childId }),
  upkeep: (childId?: string, from?: ReturnTo) => url('upkeep', { childId, returnTo: back(from) }),
  materials: (childId?: string, from?: ReturnTo) => url('materials', { childId, returnTo: back(from) }),
  reportCode: (childId?: string) => url('reportCode', { childId }),
  apply: (stage: Stage, section?: ApplySection) => url('apply', { stage, section }),
  review: (stage: Stage) => url('review', { stage }),
  result: (applicationId: string) => url('result', { id: applicationId }),
  my: () => url('my'),
  applications: () => url('applications'),
  application: (applicationId: string) => url('application', { id: applicationId }),
  lottery: (applicationId: string) => url('lottery', { id: applicationId }),
  notice: (applicationId: string) => url('notice', { id: applicationId }),
  messages: () => url('messages'),
  help: (tab?: 'policy' | 'contact') => url('help', { tab }),
  checkin: () => url('checkin'),
};

/** The URL of a ReturnTo, built by the table like every other route. */
export function returnUrl(to: ReturnTo): string {
  return url(to.page, to.params);
}

/** The page name of a route ('/pages/login/index?x=1' → 'login'), or null. */
export function pageOf(route: string): PageName | null {
  const path = route.split('?')[0].replace(runtimeConfig().routePrefix, '').replace(/^\//, '');
  const found = (Object.keys(PAGE_PATHS) as PageName[]).find((k) => PAGE_PATHS[k] === path);
  return found ?? null;
}
