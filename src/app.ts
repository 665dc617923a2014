import { PropsWithChildren } from 'react';
import { startHost } from '@/bridge';
import './app.css';

// Starts the host bridge (and, in mock builds, the MSW mock host) before any page asks for data.
startHost();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
