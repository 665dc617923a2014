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
    useSessionStore.getState().expire(here);
    void navigation.to(routes.login());
  });
}
