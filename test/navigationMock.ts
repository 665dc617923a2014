/** Stand-in for src/services/navigation in page tests: records where a page sent the parent. */
import { parseReturnTo, returnUrl, type ReturnTo } from '@/config/routes';

export const visited: string[] = [];
let params: Record<string, string | undefined> = {};

export const navigation = {
  to: jest.fn(async (url: string) => void visited.push(url)),
  replace: jest.fn(async (url: string) => void visited.push(url)),
  back: jest.fn(async () => void visited.push('back')),
  home: jest.fn(async () => void visited.push('/pages/index/index')),
  returnTo: jest.fn(async (to: ReturnTo) => void visited.push(returnUrl(to))),
  // A real page of the route table: login follows only those back after an expired session.
  currentPath: jest.fn(() => '/pages/my/applications/index'),
};

export function usePageParams() {
  return params;
}

export function useReturnTo() {
  return parseReturnTo(params.returnTo);
}

/** Sets the query parameters the next rendered page sees. */
export function setPageParams(next: Record<string, string | undefined>) {
  params = next;
}
