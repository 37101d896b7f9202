import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPath } from '../../src/services/evidence.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import {
  awardInState,
  freshUploadDir,
  jpegBytes,
  pdfBytes,
  pngBytes,
  uploadForm,
  webpBytes,
} from './helpers.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Every file under the upload folder, to show that nothing half-written stays behind. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

describe('evidence: uploads, links, download, removal', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ maxUploadBytes: 4096, uploadDir: freshUploadDir() });
  });
  afterAll(() => t.close());

  it('stores an upload by content, once, and gives the same bytes back with safe headers', async () => {
    const id = await awardInState(t, 'draft');
    const png = pngBytes(1);
    const res = await t.call(
      'operator',
      'POST',
      `/api/v1/awards/${id}/evidence`,
      uploadForm(png, 'piagam kota sehat.png', 'image/png', 'Piagam'),
    );
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({
      kind: 'file',
      mediaType: 'image/png',
      sizeBytes: png.length,
      caption: 'Piagam',
    });
    const path = blobPath(t.config.uploadDir, sha(png));
    expect(existsSync(path)).toBe(true);
    // Same bytes on another award: a second evidence row, still one file.
    const other = await awardInState(t, 'draft');
    const again = await t.call(
      'operator',
      'POST',
      `/api/v1/awards/${other}/evidence`,
      uploadForm(png, 'copy.png'),
    );
    expect(again.status).toBe(201);
    expect(filesUnder(t.config.uploadDir).filter((f) => f.endsWith(sha(png)))).toHaveLength(1);
    expect(filesUnder(t.config.uploadDir).some((f) => f.endsWith('.tmp'))).toBe(false);

    const file = await t.app.request(`/api/v1/evidence/${res.json.id}/file`, {
      headers: { authorization: `Bearer ${t.tokens.operator}` },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-disposition')).toMatch(/^inline; filename="piagam_kota_sehat\.png"/);
    expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true);
  });

  it('judges the type by content: PDF, JPEG and WEBP pass, and the stored type is the detected one', async () => {
    const id = await awardInState(t, 'draft');
    for (const [bytes, mime] of [
      [pdfBytes(), 'application/pdf'],
      [jpegBytes(), 'image/jpeg'],
      [webpBytes(), 'image/webp'],
    ] as const) {
      // The browser's claimed type and the name are both wrong on purpose.
      const res = await t.call(
        'operator',
        'POST',
        `/api/v1/awards/${id}/evidence`,
        uploadForm(bytes, 'scan.bin', 'text/plain'),
      );
      expect(res.status, res.text).toBe(201);
      expect(res.json.mediaType).toBe(mime);
      expect(res.json.fileName).toBe(`scan.${mime === 'image/jpeg' ? 'jpg' : mime.split('/')[1]}`);
    }
  });

  it('refuses a text file named .pdf and a GIF with 415 naming what was found and what is allowed', async () => {
    const id = await awardInState(t, 'draft');
    const fake = await t.call(
      'operator',
      'POST',
      `/api/v1/awards/${id}/evidence`,
      uploadForm(Buffer.from('bukan pdf, hanya teks'), 'sertifikat.pdf', 'application/pdf'),
    );
    expect(fake.status).toBe(415);
    expect(fake.json.error.code).toBe('unsupported_media_type');
    expect(fake.json.error.message).toMatch(/tidak dikenal/);
    expect(fake.json.error.message).toMatch(/PDF, PNG, JPEG atau WEBP/);
    const gif = await t.call(
      'operator',
      'POST',
      `/api/v1/awards/${id}/evidence`,
      uploadForm(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;'), 'foto.png', 'image/png'),
    );
    expect(gif.status).toBe(415);
    expect(gif.json.error.message).toContain('image/gif');
    expect(gif.json.error.details[0]).toMatchObject({ field: 'file', detected: 'image/gif' });
    expect((await t.call('admin', 'GET', `/api/v1/awards/${id}/evidence`)).json.items).toHaveLength(0);
  });

  it('refuses files over the limit with 413, both just over and far over', async () => {
    const id = await awardInState(t, 'draft');
    const justOver = Buffer.concat([pngBytes(2), Buffer.alloc(4096)]);
    const res = await t.call(
      'operator',
      'POST',
      `/api/v1/awards/${id}/evidence`,
      uploadForm(justOver, 'besar.png'),
    );
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('payload_too_large');
    const farOver = Buffer.concat([pngBytes(3), Buffer.alloc(200 * 1024)]);
    const far = await t.call(
      'operator',
      'POST',
      `/api/v1/awards/${id}/evidence`,
      uploadForm(farOver, 'besar.png'),
    );
    expect(far.status).toBe(413);
    expect(far.json.error.message).toMatch(/MB/);
  });

  it('answers 422 for an empty file, a missing file and non-web links', async () => {
    const id = await awardInState(t, 'draft');
    const empty = await t.call(
      'operator',
      'POST',
      `/api/v1/awards/${id}/evidence`,
      uploadForm(new Uint8Array(0), 'x.pdf'),
    );
    expect(empty.status).toBe(422);
    const form = new FormData();
    form.append('caption', 'tanpa berkas');
    const missing = await t.call('operator', 'POST', `/api/v1/awards/${id}/evidence`, form);
    expect(missing.status).toBe(422);
    expect(missing.json.error.details[0].field).toBe('file');
    for (const url of ['javascript:alert(1)', 'ftp://example.com/a.pdf', 'file:///etc/passwd', 'bukan url']) {
      const res = await t.call('operator', 'POST', `/api/v1/awards/${id}/evidence`, { url });
      expect(res.status, url).toBe(422);
      expect(res.json.error.details[0].field).toBe('url');
    }
    const ok = await t.call('operator', 'POST', `/api/v1/awards/${id}/evidence`, {
      url: 'https://tangerangkota.go.id/berita/penghargaan',
      caption: 'Berita resmi',
    });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ kind: 'link', url: 'https://tangerangkota.go.id/berita/penghargaan' });
  });

  it('keeps the Content-Disposition name safe whatever the uploader called the file', async () => {
    const id = await awardInState(t, 'draft');
    const res = await t.call(
      'operator',
      'POST',
      `/api/v1/awards/${id}/evidence`,
      uploadForm(pngBytes(4), '../../"evil"\r\nSet-Cookie: x=1;.png'),
    );
    expect(res.status).toBe(201);
    expect(res.json.fileName).toMatch(/^[\w.-]+\.png$/);
    const file = await t.call('operator', 'GET', `/api/v1/evidence/${res.json.id}/file?download=1`);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="[\w.-]+\.png"/);
    expect(file.headers.get('set-cookie')).toBeNull();
  });

  it('shows files with the award’s visibility: public only for verified public awards', async () => {
    const draft = await awardInState(t, 'draft');
    const up = await t.call(
      'operator',
      'POST',
      `/api/v1/awards/${draft}/evidence`,
      uploadForm(pngBytes(5), 'a.png'),
    );
    const fileUrl = `/api/v1/evidence/${up.json.id}/file`;
    expect((await t.call('public', 'GET', fileUrl)).status).toBe(404);
    expect((await t.call('operatorOther', 'GET', fileUrl)).status).toBe(403);
    expect((await t.call('viewer', 'GET', fileUrl)).status).toBe(200);
    await t.call('operator', 'POST', `/api/v1/awards/${draft}/submit`);
    await t.call('verifikator', 'POST', `/api/v1/awards/${draft}/verify`);
    expect((await t.call('public', 'GET', fileUrl)).status).toBe(200);
    expect((await t.call('operatorOther', 'GET', fileUrl)).status).toBe(200);

    const hidden = await awardInState(t, 'draft', t.units.dinkes.id, { isPublic: false });
    const up2 = await t.call(
      'operator',
      'POST',
      `/api/v1/awards/${hidden}/evidence`,
      uploadForm(pngBytes(6), 'b.png'),
    );
    await t.call('operator', 'POST', `/api/v1/awards/${hidden}/submit`);
    await t.call('verifikator', 'POST', `/api/v1/awards/${hidden}/verify`);
    expect((await t.call('public', 'GET', `/api/v1/evidence/${up2.json.id}/file`)).status).toBe(404);
    expect((await t.call('public', 'GET', '/api/v1/evidence/999999/file')).status).toBe(404);
  });

  it('freezes evidence while the award waits for verification, and refuses the same content twice', async () => {
    const id = await awardInState(t, 'draft');
    const png = pngBytes(41);
    expect(
      (await t.call('operator', 'POST', `/api/v1/awards/${id}/evidence`, uploadForm(png, 'piagam.png')))
        .status,
    ).toBe(201);
    const twice = await t.call(
      'operator',
      'POST',
      `/api/v1/awards/${id}/evidence`,
      uploadForm(png, 'salinan.png'),
    );
    expect(twice.status).toBe(409);
    expect(twice.json.error.message).toMatch(/sudah dilampirkan sebagai "piagam.png".*isinya sama persis/);
    // Another award may carry the same file (one certificate for two records is legitimate).
    const other = await awardInState(t, 'draft');
    expect(
      (await t.call('operator', 'POST', `/api/v1/awards/${other}/evidence`, uploadForm(png, 'piagam.png')))
        .status,
    ).toBe(201);

    await t.call('operator', 'POST', `/api/v1/awards/${id}/submit`);
    const frozen = await t.call(
      'operator',
      'POST',
      `/api/v1/awards/${id}/evidence`,
      uploadForm(pngBytes(42), 'lain.png'),
    );
    expect(frozen.status).toBe(409);
    expect(frozen.json.error.message).toMatch(/menunggu verifikasi/);
    const list = await t.call('operator', 'GET', `/api/v1/awards/${id}`);
    const evidenceId = list.json.evidence[0].id;
    expect((await t.call('operator', 'DELETE', `/api/v1/evidence/${evidenceId}`)).status).toBe(409);
    await t.call('verifikator', 'POST', `/api/v1/awards/${id}/return`, {
      reason: 'Piagam kurang jelas, unggah ulang',
    });
    expect((await t.call('operator', 'DELETE', `/api/v1/evidence/${evidenceId}`)).status).toBe(204);
  });

  it('freezes evidence on verified awards (409) until reopened; removal deletes the last copy', async () => {
    const id = await awardInState(t, 'draft');
    const png = pngBytes(7);
    const up = await t.call('operator', 'POST', `/api/v1/awards/${id}/evidence`, uploadForm(png, 'c.png'));
    await t.call('operator', 'POST', `/api/v1/awards/${id}/submit`);
    await t.call('verifikator', 'POST', `/api/v1/awards/${id}/verify`);
    const refusedAdd = await t.call(
      'operator',
      'POST',
      `/api/v1/awards/${id}/evidence`,
      uploadForm(pngBytes(8), 'd.png'),
    );
    expect(refusedAdd.status).toBe(409);
    expect(refusedAdd.json.error.message).toMatch(/reopen/);
    expect((await t.call('admin', 'DELETE', `/api/v1/evidence/${up.json.id}`)).status).toBe(409);

    await t.call('verifikator', 'POST', `/api/v1/awards/${id}/reopen`, { reason: 'Sertifikat salah unggah' });
    expect((await t.call('operatorOther', 'DELETE', `/api/v1/evidence/${up.json.id}`)).status).toBe(403);
    expect((await t.call('operator', 'DELETE', `/api/v1/evidence/${up.json.id}`)).status).toBe(204);
    expect(existsSync(blobPath(t.config.uploadDir, sha(png)))).toBe(false);
    expect((await t.call('operator', 'DELETE', `/api/v1/evidence/${up.json.id}`)).status).toBe(404);

    const history = await t.call('admin', 'GET', `/api/v1/awards/${id}/history`);
    const actions = history.json.items.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a.startsWith('evidence.'))).toEqual([
      'evidence.add',
      'evidence.remove',
    ]);
    const removed = history.json.items.find((e: { action: string }) => e.action === 'evidence.remove');
    expect(removed.actor).toBe('operator@example.go.id');
    expect(removed.before.sha256).toBe(sha(png));
  });

  it('keeps a shared file while another evidence row still points at it', async () => {
    const png = pngBytes(9);
    const a = await awardInState(t, 'draft');
    const b = await awardInState(t, 'draft');
    const ea = await t.call('operator', 'POST', `/api/v1/awards/${a}/evidence`, uploadForm(png, 'a.png'));
    await t.call('operator', 'POST', `/api/v1/awards/${b}/evidence`, uploadForm(png, 'b.png'));
    expect((await t.call('operator', 'DELETE', `/api/v1/evidence/${ea.json.id}`)).status).toBe(204);
    expect(existsSync(blobPath(t.config.uploadDir, sha(png)))).toBe(true);
  });
});
