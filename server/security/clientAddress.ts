/**
 * Who is calling, by network address (the anonymous rate limit's key). The socket's peer is the
 * truth unless the operator said a reverse proxy sits in front (TRUST_PROXY): then the proxy's
 * X-Forwarded-For names the client. Without that setting the header is ignored, so a caller cannot
 * pick a fresh address per request by writing one.
 *
 * TRUST_PROXY is either
 *  - a number of hops N ≥ 1: the nearest N addresses (the socket's peer, then X-Forwarded-For from
 *    the right) are proxies, the next one to the left is the client; or
 *  - a comma-separated list of proxy addresses (IPv4/IPv6, IPv4 CIDR like 10.0.0.0/8): walking from
 *    the socket leftwards, the first address that is not one of them is the client.
 * Entries a client wrote itself sit to the left of what the trusted proxies appended, so they are
 * never reached. A malformed entry ends the walk at the last well-formed address.
 */
import { z } from 'zod';

// zod's address checks, not node:net: this module also runs in the browser mock (MSW).
const IPV4 = z.ipv4();
const IPV6 = z.ipv6();
/** 4, 6, or 0 for not an address (as node:net's isIP). */
function isIP(address: string): 0 | 4 | 6 {
  return IPV4.safeParse(address).success ? 4 : IPV6.safeParse(address).success ? 6 : 0;
}

export type TrustProxy = { hops: number } | { proxies: readonly string[] };

export class TrustProxyError extends Error {}

/** "::ffff:10.0.0.1" and "10.0.0.1" are one client; IPv6 compared in lower case. */
function normalise(address: string): string {
  const a = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  return mapped ? mapped[1] : a;
}

function ipv4ToInt(a: string): number {
  return a.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function matches(rule: string, address: string): boolean {
  const slash = rule.indexOf('/');
  if (slash < 0) return rule === address;
  if (isIP(address) !== 4) return false;
  const bits = Number(rule.slice(slash + 1));
  const size = 2 ** (32 - bits);
  return Math.floor(ipv4ToInt(address) / size) === Math.floor(ipv4ToInt(rule.slice(0, slash)) / size);
}

/** TRUST_PROXY from the environment: unset or empty = no proxy trusted. */
export function parseTrustProxy(raw: string | undefined): TrustProxy | null {
  const text = (raw ?? '').trim();
  if (text === '' || text === '0') return null;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new TrustProxyError(`TRUST_PROXY must be a number of proxy hops (1–10) or a list of proxy addresses, not ${raw}`);
    return { hops };
  }
  const proxies = text.split(',').map((p) => normalise(p));
  for (const p of proxies) {
    const [ip, bits, extra] = p.split('/');
    const ok = extra === undefined && (bits === undefined ? isIP(ip) !== 0 : isIP(ip) === 4 && /^\d{1,2}$/.test(bits) && Number(bits) <= 32);
    if (!ok) throw new TrustProxyError(`TRUST_PROXY lists "${p}", which is not an IP address or an IPv4 CIDR block (e.g. 10.0.0.5, 10.0.0.0/8)`);
  }
  return { proxies };
}

/**
 * The client's address: the socket's peer, or through trusted proxies the X-Forwarded-For entry
 * they vouch for. `forwardedFor` is every X-Forwarded-For value as received (joined by commas).
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trust: TrustProxy | null): string {
  const peer = socketAddress ? normalise(socketAddress) : 'local';
  if (!trust || !forwardedFor) return peer;
  // Nearest first: the peer, then the header from its right end.
  const chain = [peer, ...forwardedFor.split(',').map(normalise).reverse()];
  const trusted = (i: number, address: string) => ('hops' in trust ? i < trust.hops : trust.proxies.some((rule) => matches(rule, address)));
  let client = peer;
  for (let i = 0; i < chain.length; i++) {
    const address = chain[i];
    if (i > 0 && isIP(address) === 0) break;
    client = address;
    if (!trusted(i, address)) break;
  }
  return client;
}
