import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { htmlDepth } from '../../src/extract/html-depth.ts';
import { guardedLookup, isPrivateAddress, type Lookup } from '../../src/services/intake/watch/address.ts';
import { checkWebUrl, decode, FetchError } from '../../src/services/intake/watch/fetch.ts';
import { listItems } from '../../src/services/intake/watch/links.ts';
import { HostGate } from '../../src/services/intake/watch/poll.ts';

describe('watcher parts', () => {
  it('spaces request starts to one host, not to different hosts', async () => {
    const gate = new HostGate(60);
    const at: Record<string, number[]> = { a: [], b: [] };
    const t0 = Date.now();
    await Promise.all([
      ...[1, 2, 3].map(() => gate.take('http://a.example/x').then(() => at.a.push(Date.now() - t0))),
      gate.take('http://b.example/y').then(() => at.b.push(Date.now() - t0)),
    ]);
    const gaps = at.a.slice(1).map((t, i) => t - at.a[i]);
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(60);
    // The other host is not queued behind the first: it starts before the first host's second turn.
    expect(at.b[0]).toBeLessThan(at.a[1]);
  });

  it('accepts only http(s) addresses without credentials, and no private hosts unless allowed', () => {
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'ftp://x.example/',
      'https://u:p@x.example/',
    ])
      expect(() => checkWebUrl(bad), bad).toThrow(FetchError);
    for (const inside of ['http://127.0.0.1:8080/', 'http://localhost/', 'http://10.1.2.3/', 'http://[::1]/'])
      expect(() => checkWebUrl(inside), inside).toThrow(/lokal/);
    expect(checkWebUrl('http://127.0.0.1:8080/rss', true).port).toBe('8080');
    expect(checkWebUrl('https://tangerangkota.go.id/berita').hostname).toBe('tangerangkota.go.id');
  });

  it('refuses private and local addresses in every form the URL parser accepts', () => {
    for (const inside of [
      'http://2130706433/', // 127.0.0.1 as one number
      'http://0x7f.1/',
      'http://127.1/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:a00:1]/', // 10.0.0.1, IPv4-mapped
      'http://[0:0:0:0:0:0:0:1]/',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.64.0.1/',
      'http://0.0.0.0/',
      'http://172.31.255.255/',
      'http://[fd12:3456::1]/',
      'http://metadata.google.internal/',
      'http://printer.local/',
      'http://LOCALHOST./',
    ])
      expect(() => checkWebUrl(inside), inside).toThrow(/lokal/);
    for (const outside of [
      'http://8.8.8.8/',
      'http://172.32.0.1/',
      'http://[2001:db8::1]/',
      'https://a.go.id/',
    ])
      expect(checkWebUrl(outside).protocol, outside).toMatch(/^https?:$/);
    expect(isPrivateAddress('::1')).toBe(true);
    expect(isPrivateAddress('203.0.113.9')).toBe(false);
  });

  it('judges a name by every address it resolves to, unless private addresses are allowed', async () => {
    const answers: Record<string, LookupAddress[]> = {
      'publik.test': [{ address: '203.0.113.10', family: 4 }],
      'campur.test': [
        { address: '203.0.113.10', family: 4 },
        { address: '10.0.0.5', family: 4 },
      ],
    };
    const resolve = ((host: string, _o: unknown, cb: (e: Error | null, a: LookupAddress[]) => void) =>
      cb(null, answers[host] ?? [])) as unknown as Lookup;
    const ask = (allow: boolean, host: string, all: boolean) =>
      new Promise<{ err: Error | null; address: unknown }>((done) =>
        guardedLookup(allow, resolve)(host, { all }, (err, address) => done({ err, address })),
      );
    expect((await ask(false, 'publik.test', false)).address).toBe('203.0.113.10');
    expect((await ask(false, 'publik.test', true)).address).toEqual(answers['publik.test']);
    // One private address among public ones is enough to refuse.
    expect((await ask(false, 'campur.test', true)).err?.message).toMatch(/10\.0\.0\.5/);
    expect((await ask(true, 'campur.test', true)).err).toBeNull();
    expect((await ask(false, 'kosong.test', false)).err).toMatchObject({ code: 'ENOTFOUND' });
  });

  it('decodes by the declared charset, and Windows-1252 when UTF-8 is not valid', () => {
    expect(decode(new Uint8Array([0x41, 0x96, 0x42]), 'text/html; charset=windows-1252')).toBe('A–B');
    expect(decode(new Uint8Array([0x93, 0x68, 0x69, 0x94]), 'text/html')).toBe('“hi”');
    expect(decode(new TextEncoder().encode('Rp1 – “ok”'), 'text/html; charset=utf-8')).toBe('Rp1 – “ok”');
    expect(() => decode(new Uint8Array([0x41]), 'text/html; charset=x-klingon')).toThrow(/x-klingon/);
  });

  it('lists only web links from a list page, on its own site', () => {
    const html = `<a href="/berita/pemkot-raih-wtp-2025">a</a><a href="javascript:void(0)">b</a>
      <a href="data:text/html,hi">c</a><a href="/tag/wtp/">d</a><a href="/berita/12345">e</a>
      <a href="https://other.example/berita/satu-dua-tiga">f</a><a href="/berita/pemkot-raih-wtp-2025#komentar">g</a>`;
    expect(listItems('html', html, 'https://kota.example/berita').map((i) => i.url)).toEqual([
      'https://kota.example/berita/pemkot-raih-wtp-2025',
      'https://kota.example/berita/12345',
    ]);
  });

  it('refuses broken feeds and sitemap indexes with a message that says what to do', () => {
    expect(() =>
      listItems('feed', '<rss><channel><item></channel></item></rss>', 'https://x.example/'),
    ).toThrow(/XML feed rusak di baris 1/);
    expect(() => listItems('feed', '<html><body>bukan feed</body></html>', 'https://x.example/')).toThrow(
      /Bukan feed/,
    );
    expect(() =>
      listItems(
        'sitemap',
        '<sitemapindex><sitemap><loc>https://x.example/s1.xml</loc></sitemap></sitemapindex>',
        'https://x.example/',
      ),
    ).toThrow(/indeks sitemap/);
  });

  it('measures nesting in one pass, ignoring elements that close themselves and script bodies', () => {
    expect(htmlDepth('<div><div><p>a<p>b<br><img src=x></div></div>')).toBe(2);
    expect(htmlDepth(`<ul>${'<li>x'.repeat(5000)}</ul>`)).toBe(1);
    expect(htmlDepth(`<script>${'<div>'.repeat(500)}</script><div></div>`)).toBe(1);
    expect(htmlDepth('<div>'.repeat(5000))).toBe(5000);
  });
});
