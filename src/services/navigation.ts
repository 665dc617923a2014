/**
 * Page navigation and page parameters in one place, so pages stay thin and tests can replace it
 * (jest.mock('@/services/navigation')).
 */
import Taro, { useRouter } from '@tarojs/taro';
import { pageOf, parseReturnTo, returnUrl, routes, type ReturnTo } from '@/config/routes';

export const navigation = {
  to(url: string) {
    return Taro.navigateTo({ url }).catch(() => Taro.redirectTo({ url }));
  },
  replace(url: string) {
    return Taro.redirectTo({ url });
  },
  back() {
    return Taro.navigateBack().catch(() => Taro.reLaunch({ url: routes.home() }));
  },
  home() {
    return Taro.reLaunch({ url: routes.home() });
  },
  /**
   * Back to the flow a step was opened from: the page below when it is that flow (its state intact),
   * else that flow's page opened in place of this one (its draft is saved on the device).
   */
  returnTo(to: ReturnTo) {
    const pages = Taro.getCurrentPages();
    const below = pages[pages.length - 2] as { route?: string } | undefined;
    if (below?.route && pageOf(below.route) === to.page) return Taro.navigateBack().catch(() => Taro.redirectTo({ url: returnUrl(to) }));
    return Taro.redirectTo({ url: returnUrl(to) });
  },
  /** The current page path with its query, to come back to after a re-login. */
  currentPath(): string | null {
    const pages = Taro.getCurrentPages();
    const page = pages[pages.length - 1] as { route?: string; options?: Record<string, string> } | undefined;
    if (!page?.route) return null;
    const route = page.route.split('?')[0].replace(/^\//, '');
    // H5 pages report the route without options; the router of the current instance has them.
    const params = { ...(Taro.getCurrentInstance?.()?.router?.params ?? {}), ...(page.options ?? {}) } as Record<string, string | undefined>;
    const query = Object.entries(params)
      .filter(([key, value]) => value && key !== 'stamp' && !key.startsWith('$'))
      .map(([key, value]) => `${key}=${encodeURIComponent(value as string)}`)
      .join('&');
    return `/${route}${query ? `?${query}` : ''}`;
  },
};

/** The flow this page was opened from (its typed returnTo parameter), or null. */
export function useReturnTo(): ReturnTo | null {
  return parseReturnTo(usePageParams().returnTo);
}

/** Query parameters of the current page. */
export function usePageParams(): Record<string, string | undefined> {
  return useRouter().params as Record<string, string | undefined>;
}
