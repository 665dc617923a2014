/**
 * Page navigation and page parameters in one place, so pages stay thin and tests can replace it
 * (jest.mock('@/services/navigation')).
 */
import Taro, { useRouter } from '@tarojs/taro';
import { routes } from '@/config/routes';

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

/** Query parameters of the current page. */
export function usePageParams(): Record<string, string | undefined> {
  return useRouter().params as Record<string, string | undefined>;
}
