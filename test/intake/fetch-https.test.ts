import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { LookupAddress } from 'node:dns';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lookup } from '../../src/services/intake/watch/address.ts';
import { DEFAULT_LIMITS, FetchError, fetchPolitely } from '../../src/services/intake/watch/fetch.ts';

// The guarded fetch over https, against a local server on 127.0.0.1 whose certificate is made
// here by openssl: a test CA signs a certificate for "berita.test" (the name resolves to
// 127.0.0.1 through a fixed answer, the way /etc/hosts would). Never the internet.

const dir = mkdtempSync(join(tmpdir(), 'prestasi-tls-'));
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

/** A CA, and a certificate it signs for `names` (subjectAltName DNS entries). */
function makeCertificates(names: string[]): { ca: string; key: string; cert: string } {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-subj',
    '/CN=Prestasi test CA',
    '-days',
    '2',
  );
  openssl('req', ...ec, '-keyout', 'site.key', '-out', 'site.csr', '-subj', `/CN=${names[0]}`);
  writeFileSync(join(dir, 'site.ext'), `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}\n`);
  openssl(
    'x509',
    '-req',
    '-in',
    'site.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'site.pem',
    '-days',
    '2',
    '-extfile',
    'site.ext',
  );
  return { ca: read('ca.pem'), key: read('site.key'), cert: read('site.pem') };
}

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Berita Pemda</title>
<item><title>Kota Tangerang raih penghargaan</title><link>https://berita.test/a</link></item>
</channel></rss>`;
const ETAG = `"${createHash('sha1').update(FEED).digest('hex')}"`;

/** berita.test and lain.test are this machine; every other name is unknown. */
const lookup = ((
  host: string,
  _options: unknown,
  callback: (e: Error | null, a: LookupAddress[]) => void,
) => {
  if (host === 'berita.test' || host === 'lain.test')
    return callback(null, [{ address: '127.0.0.1', family: 4 }]);
  callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);
}) as unknown as Lookup;

let server: Server;
let port = 0;
let connections = 0;
let ca = '';
const seen: Array<{ path: string; encrypted: boolean; ifNoneMatch: string | null }> = [];
const limits = { ...DEFAULT_LIMITS, timeoutMs: 5_000, retries: 0, backoffMs: 10, allowPrivate: true, lookup };

beforeAll(async () => {
  const made = makeCertificates(['berita.test']);
  ca = made.ca;
  server = createServer({ key: made.key, cert: made.cert }, (req, res) => {
    const ifNoneMatch = (req.headers['if-none-match'] as string | undefined) ?? null;
    seen.push({ path: req.url ?? '', encrypted: 'encrypted' in req.socket, ifNoneMatch });
    if (ifNoneMatch === ETAG) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: ETAG }).end(FEED);
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('guarded fetch over https', () => {
  it('reads a feed from a server whose certificate a trusted CA signed, conditional GET included', async () => {
    const url = `https://berita.test:${port}/feed.xml`;
    const first = await fetchPolitely(url, { ...limits, extraCa: ca });
    expect(first).toMatchObject({ kind: 'ok', url, etag: ETAG });
    expect(first.kind === 'ok' && first.text).toContain('Kota Tangerang raih penghargaan');
    const again = await fetchPolitely(url, { ...limits, extraCa: ca }, { etag: ETAG });
    expect(again).toEqual({ kind: 'not_modified' });
    expect(seen.slice(-2)).toEqual([
      { path: '/feed.xml', encrypted: true, ifNoneMatch: null },
      { path: '/feed.xml', encrypted: true, ifNoneMatch: ETAG },
    ]);
  });

  it('refuses a certificate it cannot verify, and does not retry it', async () => {
    const before = seen.length;
    const connected = connections;
    // Not trusted: Node's public roots alone do not know the test CA.
    const untrusted = fetchPolitely(`https://berita.test:${port}/feed.xml`, { ...limits, retries: 2 });
    await expect(untrusted).rejects.toThrow(FetchError);
    await expect(untrusted).rejects.toMatchObject({
      code: 'certificate',
      message: expect.stringMatching(
        /^Sertifikat HTTPS situs tidak dapat diverifikasi \(\w+\); tidak diambil$/,
      ),
    });
    expect(connections - connected).toBe(1); // retries: 2, but a certificate does not fix itself
    // Trusted CA, wrong name: the certificate is for berita.test, not lain.test.
    const wrongName = fetchPolitely(`https://lain.test:${port}/feed.xml`, { ...limits, extraCa: ca });
    await expect(wrongName).rejects.toMatchObject({
      code: 'certificate',
      message: /ERR_TLS_CERT_ALTNAME_INVALID/,
    });
    expect(seen.length).toBe(before); // no request got past the handshake
  });

  it('keeps the private-address guard on https', async () => {
    const refused = fetchPolitely(`https://berita.test:${port}/feed.xml`, {
      ...limits,
      extraCa: ca,
      allowPrivate: false,
    });
    await expect(refused).rejects.toMatchObject({
      code: 'private',
      message: /berita\.test mengarah ke alamat jaringan lokal/,
    });
  });
});
