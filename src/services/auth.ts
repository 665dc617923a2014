/** Holds the session token for the API client; the session store owns its lifecycle. */
let token: string | null = null;
const expiryListeners = new Set<() => void>();

export const auth = {
  token: () => token,
  setToken(next: string | null) {
    token = next;
  },
  onExpired(listener: () => void) {
    expiryListeners.add(listener);
    return () => {
      expiryListeners.delete(listener);
    };
  },
  expired() {
    token = null;
    expiryListeners.forEach((listener) => listener());
  },
};
