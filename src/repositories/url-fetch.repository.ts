import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Why a fetch was refused or failed; the service maps these to url_forbidden / url_fetch_failed. */
export class UrlFetchRefused extends Error {
  constructor(message: string, readonly kind: 'forbidden' | 'failed' | 'too_large') {
    super(message);
    this.name = 'UrlFetchRefused';
  }
}

/** Resolve a host name to every address it has (the real one is dns.lookup with all: true). */
export type Resolver = (host: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (e, addrs) => (e ? reject(e) : resolve(addrs))));

export interface FetchOptions {
  /** Where the body is written (the caller owns and removes it). */
  dest: string;
  maxBytes: number;
  /** Whole fetch, every redirect included. */
  timeoutMs: number;
  maxRedirects: number;
  /** Tests only: accept loopback addresses (never private, link-local or metadata ones). */
  allowLoopback?: boolean;
  resolver?: Resolver;
  signal?: AbortSignal;
}

export interface FetchedFile {
  path: string;
  finalUrl: string;
  size: number;
  /** Content-Type the server claimed (informational only: content is sniffed by bytes). */
  declaredType: string | null;
}

/** Cloud metadata endpoints that are not already covered by the link-local / private ranges. */
const METADATA = new Set(['100.100.100.200', 'fd00:ec2::254', '192.0.0.192']);
/** Ranges ipaddr.js names; only `unicast` is public. */
const PUBLIC_RANGES = new Set(['unicast']);

/**
 * Is this address one a server may fetch from on behalf of a stranger? Refuses loopback, private (RFC 1918,
 * ULA), link-local (incl. 169.254.169.254 metadata), CGNAT, multicast, unspecified, reserved, IPv4-mapped /
 * NAT64 / 6to4 / Teredo IPv6 forms and known metadata addresses. Returns the reason, or null when allowed.
 */
export function forbiddenAddressReason(address: string, allowLoopback = false): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  const ip = ipaddr.parse(address);
  const text = ip.toNormalizedString();
  if (METADATA.has(text) || METADATA.has(address)) return `${address} is a cloud metadata address`;
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return `${address} is an IPv4-mapped IPv6 address`;
  }
  const range = ip.range();
  if (range === 'loopback' && allowLoopback) return null;
  if (!PUBLIC_RANGES.has(range)) return `${address} is a ${range} address`;
  return null;
}

function hostOf(u: URL): string {
  return u.hostname.startsWith('[') ? u.hostname.slice(1, -1) : u.hostname;
}

/** Resolve once, vet every address, and return the one to connect to. */
async function vetHost(u: URL, opts: FetchOptions): Promise<{ address: string; family: number }> {
  const host = hostOf(u);
  if (isIP(host)) {
    const why = forbiddenAddressReason(host, opts.allowLoopback);
    if (why) throw new UrlFetchRefused(`Refusing to fetch ${u.origin}: ${why}`, 'forbidden');
    return { address: host, family: isIP(host) };
  }
  if (host === 'localhost' || host.endsWith('.localhost')) {
    if (!opts.allowLoopback) throw new UrlFetchRefused(`Refusing to fetch ${u.origin}: localhost`, 'forbidden');
  }
  let addrs: LookupAddress[];
  try {
    addrs = await (opts.resolver ?? systemResolver)(host);
  } catch (e) {
    throw new UrlFetchRefused(`Cannot resolve ${host}: ${(e as Error).message}`, 'failed');
  }
  if (addrs.length === 0) throw new UrlFetchRefused(`Cannot resolve ${host}`, 'failed');
  // Every address must be allowed: a name that also points inside is refused, whichever one a socket would pick.
  for (const a of addrs) {
    const why = forbiddenAddressReason(a.address, opts.allowLoopback);
    if (why) throw new UrlFetchRefused(`Refusing to fetch ${u.origin}: ${host} resolves to ${why}`, 'forbidden');
  }
  return { address: addrs[0].address, family: addrs[0].family };
}

/** A `lookup` for http.request that answers only the vetted address: the socket never resolves again. */
function pinnedLookup(address: string, family: number): LookupFunction {
  return ((_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) => {
    if (options?.all) cb(null, [{ address, family }]);
    else cb(null, address, family);
  }) as unknown as LookupFunction;
}

function request(u: URL, pin: { address: string; family: number }, signal: AbortSignal): Promise<IncomingMessage> {
  const mod = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(u, {
      method: 'GET',
      lookup: pinnedLookup(pin.address, pin.family),
      signal,
      headers: { 'user-agent': 'genproof-url-intake/1', accept: 'image/*,video/*;q=0.9,*/*;q=0.1' },
      // No keep-alive pool: a pooled socket could be reused for a host it was not vetted for.
      agent: false,
    });
    req.on('response', resolve);
    req.on('error', reject);
    req.end();
  });
}

async function writeCapped(res: IncomingMessage, dest: string, maxBytes: number): Promise<number> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw new UrlFetchRefused(`The media is ${declared} bytes; the limit is ${maxBytes} bytes`, 'too_large');
  }
  const out = createWriteStream(dest, { flags: 'w', mode: 0o600 });
  let size = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          reject(new UrlFetchRefused(`The media is larger than ${maxBytes} bytes (the limit)`, 'too_large'));
          res.destroy();
          return;
        }
        if (!out.write(chunk)) {
          res.pause();
          out.once('drain', () => res.resume());
        }
      });
      res.on('end', resolve);
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('connection closed mid-body')));
      out.on('error', reject);
    });
  } finally {
    await new Promise<void>((r) => out.end(r));
  }
  return size;
}

/**
 * Fetch one http(s) URL to `opts.dest` with an SSRF guard: every hop (≤ maxRedirects) is resolved once, every
 * address vetted, and the socket connects to the vetted address (no second DNS answer can swap it).
 */
export async function fetchUrlToFile(rawUrl: string, opts: FetchOptions): Promise<FetchedFile> {
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let url = new URL(rawUrl);
  try {
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UrlFetchRefused(`Only http(s) URLs are fetched, not ${url.protocol}`, 'forbidden');
      if (url.username || url.password) throw new UrlFetchRefused('URLs with credentials are not fetched', 'forbidden');
      const pin = await vetHost(url, opts);
      const res = await request(url, pin, signal);
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        if (hop >= opts.maxRedirects) throw new UrlFetchRefused(`More than ${opts.maxRedirects} redirects`, 'failed');
        url = new URL(res.headers.location, url);
        continue;
      }
      if (status < 200 || status >= 300) {
        res.resume();
        throw new UrlFetchRefused(`The server answered HTTP ${status} for ${url.origin}${url.pathname}`, 'failed');
      }
      const size = await writeCapped(res, opts.dest, opts.maxBytes);
      return { path: opts.dest, finalUrl: url.toString(), size, declaredType: res.headers['content-type'] ?? null };
    }
  } catch (e) {
    await rm(opts.dest, { force: true });
    if (e instanceof UrlFetchRefused) throw e;
    if (timeout.aborted) throw new UrlFetchRefused(`Fetching ${url.origin} took longer than ${opts.timeoutMs} ms`, 'failed');
    throw new UrlFetchRefused(`Fetching ${url.origin} failed: ${(e as Error).message}`, 'failed');
  }
}
