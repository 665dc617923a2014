/** What the H5 bridge's file tools (./files.ts, loaded on demand) share with the rest of it (./index.ts). */
import type { HostResult } from '@contract/bridge';
import type { H5HostCapabilities } from './hostCapabilities';

/** A request's timeout when neither the host nor the call gives one. */
export const DEFAULT_TIMEOUT_MS = 15000;

export interface H5FileContext {
  ready: Promise<void>;
  at(url: string): string;
  timeout(own: number | undefined, fallback: number): number;
  host: H5HostCapabilities;
  /** Blobs of the images this visit picked or compressed, by the object URL the pages hold. */
  pickedFiles: Map<string, Blob>;
  fetchWithTimeout(url: string, init: RequestInit, timeoutMs: number): Promise<HostResult<Response>>;
}
