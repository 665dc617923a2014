/** Whether the client is waiting in an overloaded server's queue; the notice banner listens. */
type Listener = (waiting: boolean) => void;
const listeners = new Set<Listener>();
let waiting = false;

export const queueStatus = {
  get: () => waiting,
  set(next: boolean) {
    waiting = next;
    listeners.forEach((listener) => listener(next));
  },
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};
