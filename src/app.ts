import { PropsWithChildren } from 'react';
import { useError, useUnhandledRejection } from '@tarojs/taro';
import { startHost } from '@/bridge';
import { pageOf } from '@/config/routes';
import { navigation } from '@/services/navigation';
import { errorClass, reportError } from '@/services/telemetry';
import { installSessionExpiryRedirect } from '@/stores/sessionExpiry';
import './app.css';

// Starts the host bridge (and, in mock builds, the MSW mock host) before any page asks for data.
startHost();
// An expired session sends the parent to face login and back to the same page, from any page.
installSessionExpiryRedirect();

/** An uncaught error or rejection, for the host's telemetry: its class and the page's name, nothing more. */
const reportUncaught = (error: unknown) => reportError({ kind: 'script', code: errorClass(error), where: pageOf(navigation.currentPath() ?? '') ?? 'app' });

function App({ children }: PropsWithChildren) {
  useError(reportUncaught);
  useUnhandledRejection((event) => reportUncaught((event as { reason?: unknown } | undefined)?.reason ?? event));
  return children;
}

export default App;
