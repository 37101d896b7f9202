// One polite, bounded HTTP GET — the only way Prestasi reads the outside web (the watcher, and
// `prestasi ingest URL` through ../sources.ts): conditional (ETag / Last-Modified), a timeout,
// a byte cap read from the stream after decompression (a server that lies about Content-Length,
// or a gzip bomb, is still cut off), retries with back-off on network errors, 429 and 5xx, only
// http/https, and never an address on this machine or a private network — checked on the address
// each socket connects to, redirects included (./address.ts). The body is decoded by the charset
// the server or the document declares; bytes that are not valid UTF-8 are read as Windows-1252
// (old CMSs) rather than lost.
import type { IncomingMessage } from 'node:http';
import { request as httpGet } from 'node:http';
import { request as httpsGet, type RequestOptions } from 'node:https';
import type { Readable } from 'node:stream';
import { rootCertificates } from 'node:tls';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { isBinary } from '../../../extract/source.ts';
import { guardedLookup, isPrivateHost, type Lookup, PrivateAddressError } from './address.ts';

export { isPrivateHost } from './address.ts';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  /** Attempts after the first, on network errors, 429 and 5xx. */
  retries: number;
  /** First back-off; doubled for each retry. */
  backoffMs: number;
  /**
   * Addresses on this machine or a private network (127.0.0.1, 10.x, 192.168.x, localhost) are
   * refused unless allowed (INTAKE_WATCH_ALLOW_PRIVATE=1; tests): a registered source must not
   * turn the server into a way to read the internal network.
   */
  allowPrivate: boolean;
  /** Name resolution (dns.lookup); tests pass a fixed answer the way /etc/hosts would. */
  lookup?: Lookup;
  /**
   * More certificate authorities to trust for https (PEM), on top of Node's public roots —
   * a test's own CA, or a pemda intranet's. Certificates are always verified; there is no
   * switch to turn that off. Deployments use NODE_EXTRA_CA_CERTS for the same purpose.
   */
  extraCa?: string;
}

export const DEFAULT_LIMITS: FetchLimits = {
  timeoutMs: 20_000,
  maxBytes: 2 * 1024 * 1024,
  retries: 2,
  backoffMs: 2_000,
  allowPrivate: false,
};

export type FetchOutcome =
  | { kind: 'not_modified' }
  | {
      kind: 'ok';
      url: string;
      text: string;
      contentType: string;
      etag: string | null;
      lastModified: string | null;
    };

/** A fetch that failed for a reason a person can act on; the message is in Indonesian. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'timeout'
      | 'network'
      | 'http'
      | 'too_large'
      | 'binary'
      | 'encoding'
      | 'url'
      /** The address is on this machine or a private network, and that was not allowed. */
      | 'private'
      /** The https certificate could not be verified (not retried: it will not change by itself). */
      | 'certificate',
  ) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A failure that may not happen next time: no answer, a dropped connection, 429 or 5xx. */
export function isPassingFailure(err: unknown): boolean {
  if (!(err instanceof FetchError)) return false;
  return err.code === 'timeout' || err.code === 'network' || (err as HttpError).retryable === true;
}

/** Only http and https, no credentials in the address. */
export function checkWebUrl(raw: string, allowPrivate = false): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new FetchError(`Bukan alamat web yang lengkap: "${raw.slice(0, 100)}"`, 'url');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new FetchError(`Hanya alamat http:// atau https:// yang diambil (bukan ${u.protocol})`, 'url');
  if (u.username || u.password)
    throw new FetchError('Alamat tidak boleh memuat nama pengguna atau kata sandi', 'url');
  if (!allowPrivate && isPrivateHost(u.hostname))
    throw new FetchError(`Alamat jaringan lokal/privat tidak diambil (${u.hostname})`, 'private');
  return u;
}

export async function fetchPolitely(
  url: string,
  limits: FetchLimits,
  validators: { etag?: string | null; lastModified?: string | null } = {},
  /** Awaited before every attempt, retries included (the per-host politeness gate). */
  beforeEach: (url: string) => Promise<void> = async () => {},
): Promise<FetchOutcome> {
  checkWebUrl(url, limits.allowPrivate);
  for (let attempt = 0; ; attempt++) {
    await beforeEach(url);
    try {
      return await fetchOnce(url, limits, validators);
    } catch (err) {
      if (!isPassingFailure(err) || attempt >= limits.retries) throw err;
      await sleep(limits.backoffMs * 2 ** attempt);
    }
  }
}

class HttpError extends FetchError {
  constructor(
    readonly status: number,
    readonly retryable: boolean,
  ) {
    super(`Server menjawab HTTP ${status}`, 'http');
  }
}

const MAX_REDIRECTS = 5;

async function fetchOnce(
  url: string,
  limits: FetchLimits,
  validators: { etag?: string | null; lastModified?: string | null },
): Promise<FetchOutcome> {
  const headers: Record<string, string> = {
    'user-agent': 'Prestasi news intake (+https://github.com/prestasi)',
    accept:
      'application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.9, */*;q=0.1',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let at = checkWebUrl(url, limits.allowPrivate);
  for (let hop = 0; ; hop++) {
    let res: IncomingMessage;
    try {
      res = await get(at, headers, limits, signal);
    } catch (err) {
      throw networkError(err, limits);
    }
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (status >= 300 && status < 400 && status !== 304 && location) {
      res.resume();
      if (hop >= MAX_REDIRECTS)
        throw new FetchError(`Lebih dari ${MAX_REDIRECTS} pengalihan (redirect)`, 'http');
      // Every hop is checked like the first: a redirect may not lead off the web or inside.
      at = checkWebUrl(new URL(location, at).href, limits.allowPrivate);
      continue;
    }
    if (status === 304) {
      res.resume();
      return { kind: 'not_modified' };
    }
    if (status < 200 || status >= 300) {
      res.resume();
      throw new HttpError(status, status === 429 || status >= 500);
    }
    const bytes = await readCapped(res, limits, signal);
    if (isBinary(bytes)) throw new FetchError('Isinya biner (bukan HTML, RSS/Atom atau sitemap)', 'binary');
    const contentType = String(res.headers['content-type'] ?? '');
    const header = (name: string) => {
      const v = res.headers[name];
      return typeof v === 'string' ? v : null;
    };
    return {
      kind: 'ok',
      url: at.href,
      text: decode(bytes, contentType),
      contentType,
      etag: header('etag'),
      lastModified: header('last-modified'),
    };
  }
}

/** One GET on a fresh connection whose address is checked as the socket resolves it. */
function get(
  url: URL,
  headers: Record<string, string>,
  limits: FetchLimits,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const options: RequestOptions = {
      headers,
      signal,
      agent: false,
      lookup: guardedLookup(limits.allowPrivate, limits.lookup),
    };
    // `ca` replaces the trusted roots, so the public ones are listed with the extra one.
    if (limits.extraCa) options.ca = [...rootCertificates, limits.extraCa];
    const req = (url.protocol === 'https:' ? httpsGet : httpGet)(url, options, resolve);
    req.on('error', reject);
    req.end();
  });
}

/** OpenSSL's verification failures and Node's host-name check, as error codes. */
const TLS_CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_(?:VERIFY|GET)|ISSUER/;

function networkError(err: unknown, limits: FetchLimits): FetchError {
  if (err instanceof FetchError) return err;
  if (err instanceof PrivateAddressError)
    return new FetchError(
      `${err.host} mengarah ke alamat jaringan lokal/privat (${err.address}); tidak diambil`,
      'private',
    );
  const name = (err as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return new FetchError(`Tidak ada jawaban dalam ${Math.round(limits.timeoutMs / 1000)} detik`, 'timeout');
  const { code, cause } = err as { code?: string; cause?: { code?: string; message?: string } };
  if (code && TLS_CERTIFICATE.test(code))
    return new FetchError(
      `Sertifikat HTTPS situs tidak dapat diverifikasi (${code}); tidak diambil`,
      'certificate',
    );
  return new FetchError(
    `Tidak bisa dihubungi (${code ?? cause?.code ?? cause?.message ?? (err as Error).message})`,
    'network',
  );
}

async function readCapped(
  res: IncomingMessage,
  limits: FetchLimits,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const tooLarge = () =>
    new FetchError(
      `Lebih dari ${Math.round(limits.maxBytes / 1024)} KB; halaman sebesar ini bukan berita`,
      'too_large',
    );
  if (Number(res.headers['content-length'] ?? 0) > limits.maxBytes) {
    res.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const body = decompressed(res);
  try {
    for await (const chunk of body) {
      total += (chunk as Buffer).length;
      if (total > limits.maxBytes) {
        res.destroy();
        body.destroy();
        throw tooLarge();
      }
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    if (
      (err as { code?: string }).code?.startsWith('Z_') ||
      /incorrect header|unexpected end/i.test(String(err))
    )
      throw new FetchError('Isi terkompresi rusak (gzip/deflate/br)', 'encoding');
    throw signal.aborted ? networkError(signal.reason, limits) : networkError(err, limits);
  }
  return Buffer.concat(chunks);
}

/** The body as sent before compression; the cap applies to what comes out (no gzip bombs). */
function decompressed(res: IncomingMessage): Readable {
  const encoding = String(res.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  const stage =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : null;
  if (!stage) {
    if (encoding !== 'identity' && encoding !== '') {
      res.destroy();
      throw new FetchError(`Pengodean isi "${encoding.slice(0, 40)}" tidak dikenal`, 'encoding');
    }
    return res;
  }
  res.on('error', (err) => stage.destroy(err));
  return res.pipe(stage);
}

// Windows-1252's 0x80–0x9F (curly quotes, dashes, €). Node's TextDecoder reads the label as
// ISO-8859-1 and leaves these as C1 control characters, so they are mapped here.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];
const decodeCp1252 = (bytes: Uint8Array) =>
  new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]));

/** The charset the header, an XML declaration or a <meta> names; else UTF-8 (or Windows-1252 if not valid UTF-8). */
export function decode(bytes: Uint8Array, contentType: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared =
    /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] ??
    /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    null;
  if (declared && /^(?:windows-1252|cp1252|iso-8859-1|latin-?1|us-ascii|ascii)$/i.test(declared))
    return decodeCp1252(bytes); // the WHATWG encoding standard reads all of these as Windows-1252
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      throw new FetchError(`Pengodean "${declared.slice(0, 40)}" tidak dikenal`, 'encoding');
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return decodeCp1252(bytes);
  }
}
