/**
 * The simulated host's push service (development): pushes are kept in memory, newest last, for the
 * dev host's panel and the tests to show what a parent's phone would have received.
 */
import type { HostPush, HostPushMessage } from '../../ports/outside';

export interface SimulatedHostPush extends HostPush {
  sent(): HostPushMessage[];
  clear(): void;
}

/** Enough for a QA session; older pushes are dropped first. */
const KEPT = 200;

export function createSimulatedHostPush(): SimulatedHostPush {
  let sent: HostPushMessage[] = [];
  return {
    async send(push) {
      sent = [...sent, { ...push }].slice(-KEPT);
    },
    sent: () => sent.map((p) => ({ ...p })),
    clear() {
      sent = [];
    },
  };
}
