/**
 * Page navigation and page parameters in one place, so pages stay thin and tests can replace it
 * (jest.mock('@/services/navigation')).
 */
import Taro, { useRouter } from '@tarojs/taro';

export const navigation = {
  to(url: string) {
    return Taro.navigateTo({ url }).catch(() => Taro.redirectTo({ url }));
  },
  replace(url: string) {
    return Taro.redirectTo({ url });
  },
  back() {
    return Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/index/index' }));
  },
  home() {
    return Taro.reLaunch({ url: '/pages/index/index' });
  },
  /** The current page path with its query, to come back to after a re-login. */
  currentPath(): string | null {
    const pages = Taro.getCurrentPages();
    const page = pages[pages.length - 1] as { route?: string; options?: Record<string, string> } | undefined;
    if (!page?.route) return null;
    const query = Object.entries(page.options ?? {})
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('&');
    return `/${page.route.replace(/^\//, '')}${query ? `?${query}` : ''}`;
  },
};

/** Query parameters of the current page. */
export function usePageParams(): Record<string, string | undefined> {
  return useRouter().params as Record<string, string | undefined>;
}
