/**
 * When the server says the session expired, remember the page and send the parent to face login;
 * the login page brings them back (useSessionStore.takeReturnTo). Installed once by the app shell.
 */
import { auth } from '@/services/auth';
import { navigation } from '@/services/navigation';
import { useSessionStore } from './session';
import { pageOf, routes } from '@/config/routes';

let installed = false;

export function installSessionExpiryRedirect(): void {
  if (installed) return;
  installed = true;
  auth.onExpired(() => {
    const here = navigation.currentPath();
    if (here && pageOf(here) === 'login') return;
    // The home page offers 刷脸登录 itself and asks for the parent's applications only to lead its
    // card: an expired session there just logs out, it does not take the parent away from home.
    if (here && pageOf(here) === 'home') {
      useSessionStore.getState().expire(null);
      return;
    }
    useSessionStore.getState().expire(here);
    void navigation.to(routes.login());
  });
}
