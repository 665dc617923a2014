import type { HostError, HostErrorKind, HostResult } from '@contract/bridge';

export const ok = <T>(value: T): HostResult<T> => ({ ok: true, value });
export const fail = <T = never>(kind: HostErrorKind, detail?: string): HostResult<T> => ({
  ok: false,
  error: { kind, detail } satisfies HostError,
});
