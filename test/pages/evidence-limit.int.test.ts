import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';
import { pageClient } from './browser.ts';

// An evidence upload over the size limit on the award page: the browser comes back to the
// award page with the limit named next to the upload form (not the bare 413 error page),
// nothing is stored, and the JSON API still answers 413. A 1 MB limit keeps the bodies small.

let t: TestApp;
let awardId: number;
beforeAll(async () => {
  t = await createTestApp({ maxUploadBytes: 1024 * 1024 });
  const res = await t.call('operator', 'POST', '/api/v1/awards', sampleAward(t.units.dinkes.id));
  expect(res.status).toBe(201);
  awardId = res.json.id;
});
afterAll(async () => {
  await t.close();
});

const tooBig = () => new Blob([new Uint8Array(2 * 1024 * 1024)], { type: 'application/pdf' });

async function uploadForm(csrf: string) {
  const form = new FormData();
  form.set('_csrf', csrf);
  form.set('caption', 'sertifikat');
  form.set('file', tooBig(), 'sertifikat.pdf');
  // Serialise it the way a browser does, so that the request carries a Content-Length.
  const res = new Response(form);
  return { body: await res.arrayBuffer(), type: res.headers.get('content-type') ?? '' };
}

const evidenceCount = async () =>
  (await t.db.db.selectFrom('evidence').select('id').where('award_id', '=', awardId).execute()).length;

describe('evidence upload over the limit, on the award page', () => {
  it('with a Content-Length (as browsers send): back to the award page, the limit named at the form', async () => {
    const operator = await pageClient(t).signIn('operator');
    const { body, type } = await uploadForm(await operator.csrf());
    const res = await t.app.request(`/kerja/penghargaan/${awardId}/bukti`, {
      method: 'POST',
      headers: {
        cookie: [...operator.jar].map(([k, v]) => `${k}=${v}`).join('; '),
        'content-type': type,
        'content-length': String(body.byteLength),
      },
      body,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/kerja/penghargaan/${awardId}?bukti=terlalu-besar#bukti`);
    const page = await operator.get(res.headers.get('location') ?? '');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(
      /<p class="field-error" id="e-file" role="alert">Berkas terlalu besar: batasnya 1 MB/,
    );
    expect(page.html).toContain('aria-invalid="true"');
    expect(page.html).toContain(`action="/kerja/penghargaan/${awardId}/bukti"`);
    expect(await evidenceCount()).toBe(0);
  });

  it('without a Content-Length (the limit trips while the body streams in): the same', async () => {
    const operator = await pageClient(t).signIn('operator');
    const form = new FormData();
    form.set('_csrf', await operator.csrf());
    form.set('file', tooBig(), 'sertifikat.pdf');
    const res = await operator.post(`/kerja/penghargaan/${awardId}/bukti`, form);
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/kerja/penghargaan/${awardId}?bukti=terlalu-besar#bukti`);
    expect(await evidenceCount()).toBe(0);
  });

  it('the award page without the marker shows no size error', async () => {
    const operator = await pageClient(t).signIn('operator');
    const page = await operator.get(`/kerja/penghargaan/${awardId}`);
    expect(page.html).not.toContain('Berkas terlalu besar');
  });

  it('the JSON API still answers 413 with the JSON error', async () => {
    const { body, type } = await uploadForm('');
    const res = await t.app.request(`/api/v1/awards/${awardId}/evidence`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t.tokens.operator}`,
        'content-type': type,
        'content-length': String(body.byteLength),
      },
      body,
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });
});
