import { auth } from '@/services/auth';
import { navigation } from '@/services/navigation';
import { useSessionStore } from './session';
import { installSessionExpiryRedirect } from './sessionExpiry';

jest.mock('@/services/navigation', () => require('../../test/navigationMock'));

describe('session expiry redirect', () => {
  beforeAll(() => installSessionExpiryRedirect());

  it('remembers the page and sends the parent to face login', () => {
    (navigation.currentPath as jest.Mock).mockReturnValue('/pages/child/upkeep/index?childId=c1');
    auth.expired();
    expect(useSessionStore.getState().returnTo).toBe('/pages/child/upkeep/index?childId=c1');
    expect(useSessionStore.getState().expiredNotice).toBe(true);
    expect(navigation.to).toHaveBeenLastCalledWith('/pages/login/index');
  });

  it('does not loop when the login page itself sees the expiry', () => {
    (navigation.to as jest.Mock).mockClear();
    (navigation.currentPath as jest.Mock).mockReturnValue('/pages/login/index');
    auth.expired();
    expect(navigation.to).not.toHaveBeenCalled();
  });

  it('on the home page logs out in place (home offers 刷脸登录) and keeps no return page', () => {
    (navigation.to as jest.Mock).mockClear();
    (navigation.currentPath as jest.Mock).mockReturnValue('/pages/index/index');
    auth.expired();
    expect(navigation.to).not.toHaveBeenCalled();
    expect(useSessionStore.getState().session).toBeNull();
    expect(useSessionStore.getState().returnTo).toBeNull();
  });

  it('installs once: one expiry navigates once', () => {
    installSessionExpiryRedirect();
    (navigation.to as jest.Mock).mockClear();
    (navigation.currentPath as jest.Mock).mockReturnValue('/pages/my/index');
    auth.expired();
    expect(navigation.to).toHaveBeenCalledTimes(1);
  });
});
