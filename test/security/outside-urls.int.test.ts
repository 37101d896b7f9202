import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webUrlOrNull } from '../../src/services/safe-url.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// Outside URLs are stored only when they are http(s) web addresses (one allow-list for the
// intake API, feeds and evidence links); the API says so with 422 naming the field.

const HOSTILE = [
  'javascript:alert(1)',
  ' JavaScript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'java\tscript:alert(1)',
  'https://',
];

describe('outside URLs are allow-listed to http and https', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('knows web addresses from everything else', () => {
    for (const url of HOSTILE) expect(webUrlOrNull(url), url).toBeNull();
    expect(webUrlOrNull(' https://Berita.Example/kla?x=1 ')).toBe('https://berita.example/kla?x=1');
    expect(webUrlOrNull('http://berita.example')).toBe('http://berita.example/');
  });

  it('refuses a script URL on a news article posted to the intake API with 422', async () => {
    for (const url of HOSTILE) {
      const res = await t.call('kurator', 'POST', '/api/v1/intake/articles', {
        text: 'Pemerintah Kota Tangerang meraih penghargaan Kota Layak Anak dari KemenPPPA, Jumat (8/8/2025).',
        url,
      });
      expect(res.status, url).toBe(422);
      expect(res.json.error.details[0].field).toBe('url');
    }
    expect(await t.db.db.selectFrom('articles').select('id').execute()).toHaveLength(0);
  });
});
