// First: what the mini-program logic layer lacks (TextEncoder) must exist before any library loads.
import './platform/polyfills';
import { PropsWithChildren } from 'react';
import { startHost } from '@/bridge';
import { installSessionExpiryRedirect } from '@/stores/sessionExpiry';
import './app.css';

// Starts the host bridge (and, in mock builds, the MSW mock host) before any page asks for data.
startHost();
// An expired session sends the parent to face login and back to the same page, from any page.
installSessionExpiryRedirect();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
