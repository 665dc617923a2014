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

const url = (page: PageName, query: Record<string, string | undefined> = {}) => {
  const q = Object.entries(query)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return `${runtimeConfig().routePrefix}/${PAGE_PATHS[page]}${q ? `?${q}` : ''}`;
};

export const routes = {
  home: () => url('home'),
  login: (query: { redirect?: string } = {}) => url('login', query),
  district: () => url('district'),
  children: () => url('children'),
  childAdd: () => url('childAdd'),
  childDetail: (childId: string) => url('childDetail', { childId }),
  upkeep: (childId?: string) => url('upkeep', { childId }),
  materials: (childId?: string) => url('materials', { childId }),
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

/** The page name of a route ('/pages/login/index?x=1' → 'login'), or null. */
export function pageOf(route: string): PageName | null {
  const path = route.split('?')[0].replace(runtimeConfig().routePrefix, '').replace(/^\//, '');
  const found = (Object.keys(PAGE_PATHS) as PageName[]).find((k) => PAGE_PATHS[k] === path);
  return found ?? null;
}
