import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToArticle } from '../../src/extract/html.ts';
import {
  extractArticle,
  extractSource,
  InputError,
  MAX_INPUT_BYTES,
  MAX_TEXT_CHARS,
} from '../../src/extract/index.ts';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'news');
const AWARD =
  'Pemerintah Kota Tangerang meraih Juara 1 dalam ajang SPM Awards 2025 kategori kota dari Kemendagri, Jumat (23/5/2025).';

describe('hostile input', () => {
  it('rejects binary data', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]);
    expect(() => extractSource(bytes, { name: 'x.png' })).toThrow(InputError);
  });

  it('rejects input over the size limit, saying the limit', () => {
    const big = new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61);
    expect(() => extractSource(big, { name: 'big.txt' })).toThrow(/2 MB/);
    expect(() => extractArticle('a'.repeat(MAX_TEXT_CHARS + 1))).toThrow(RangeError);
  });

  it('refuses HTML nested deeper than any news page before the reader parses it', () => {
    const deep = `<html><body>${'<div>'.repeat(1000)}${AWARD}${'</div>'.repeat(1000)}</body></html>`;
    const page = new TextEncoder().encode(deep);
    expect(() => extractSource(page, { name: 'deep.html' })).toThrow(
      /nested 1002 levels deep; the limit is 100/,
    );
    const fine = `<html><body>${'<div>'.repeat(40)}<p>${AWARD}</p>${'</div>'.repeat(40)}</body></html>`;
    expect(extractSource(new TextEncoder().encode(fine), { name: 'ok.html' }).awards.length).toBe(1);
  });

  it('reads broken HTML', () => {
    const r = extractSource(readFileSync(join(FIX, '18_kota_sehat_broken.html')), { name: '18.html' });
    expect(r.awards).toHaveLength(1);
    expect(r.published).toBe('2023-11-30');
    expect(
      extractSource(new TextEncoder().encode('<p><b><i>unclosed <div'), { name: 'x.html' }).awards,
    ).toEqual([]);
  });

  it('never lets script content or markup into the text', () => {
    const html = `<html><body><script>document.write("<b>meraih Juara 1 Palsu dari KPK</b>")</script><p>${AWARD} ${AWARD.replace('Juara 1', 'Juara 2')}</p><style>p{}</style><script>alert(1)</script></body></html>`;
    const page = htmlToArticle(html);
    expect(page.text).not.toMatch(/<|>|alert|Palsu|document\.write/);
    for (const f of ['17_uhc_page.html', '18_kota_sehat_broken.html']) {
      const r = extractSource(readFileSync(join(FIX, f)), { name: f });
      expect(r.text).not.toMatch(/<|Palsu|alert|dataLayer/);
      for (const a of r.awards) expect(a.title).not.toMatch(/Palsu/);
    }
  });

  it('finds nothing in non-Indonesian text', () => {
    expect(extractArticle(readFileSync(join(FIX, '12_english.txt'), 'utf8')).awards).toEqual([]);
    expect(extractArticle(readFileSync(join(FIX, '12_english.txt'), 'utf8')).claims).toEqual([]);
  });

  it("reads an RSS feed item by item, with each item's date", () => {
    const r = extractSource(readFileSync(join(FIX, '19_feed.xml')), { name: 'feed.xml' });
    expect(r.awards.map((a) => a.date)).toEqual(['2025-11-27', '2025-11-26']);
    for (const a of r.awards) expect(r.text.slice(a.start, a.end)).toBe(a.quote);
  });

  it('is deterministic', () => {
    const t = readFileSync(join(FIX, '07_recap_numbered_list.txt'), 'utf8');
    expect(JSON.stringify(extractArticle(t))).toBe(JSON.stringify(extractArticle(t)));
  });
});
