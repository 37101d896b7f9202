import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient } from '../pages/browser.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// The curator's review page beyond one sentence: every piece the extractor read is marked in the
// article with its confidence in words, and what a finding offers as evidence of an award on
// record (a match, late reports of an award accepted earlier) is answered on the page — each
// answer audited. Articles written for this test in the shape of pemda press releases.

const para = (s: string) => `<p>${s}</p>`;
const release = (headline: string, sentence: string, closing: string, extra = '') =>
  `<article><h1>${headline}</h1>${para(`TANGERANG – ${sentence} Penghargaan itu diterima Wali Kota Tangerang di Jakarta.`)}${extra}${para(closing)}</article>`;

const OMBUDSMAN = release(
  'Ombudsman Beri Pemkot Tangerang Predikat Kepatuhan Tinggi',
  'Pemerintah Kota Tangerang meraih Predikat Kepatuhan Tinggi dari Ombudsman RI pada Kamis (12/12/2025) dengan nilai 94,76.',
  'Wali Kota mengatakan capaian itu hasil kerja seluruh pegawai di setiap unit layanan.',
);
const KLA_SENTENCE =
  'Pemerintah Kota Tangerang meraih penghargaan Kota Layak Anak kategori Nindya dari Kementerian Pemberdayaan Perempuan dan Perlindungan Anak pada Sabtu (23/8/2025).';
// The article text holds markup as text (entities in the page): it must be shown, never run.
const HOSTILE = para(
  'Seorang warga menulis &lt;script&gt;window.__pwned = 1&lt;/script&gt; dan &lt;img src=x onerror=alert(1)&gt; di kolom komentar portal.',
);
const KLA = release(
  'Kota Tangerang Kembali Jadi Kota Layak Anak',
  KLA_SENTENCE,
  'Wali Kota mengatakan capaian itu hasil kerja seluruh warga Kota Tangerang.',
  HOSTILE,
);
const KLA_LATE = release(
  'Tangerang Pertahankan Predikat Kota Layak Anak Nindya',
  KLA_SENTENCE,
  'Kepala dinas menyebut forum anak di setiap kelurahan ikut menentukan penilaian tahun ini.',
);
const KLA_LATER = release(
  'KLA Nindya untuk Kota Tangerang, Forum Anak Diapresiasi',
  KLA_SENTENCE,
  'Sekretaris daerah berharap predikat berikutnya naik menjadi Utama dalam dua tahun ke depan.',
);

type Source = {
  articleId: number;
  articleText: string;
  slots: Record<string, { start: number; end: number; confidence: number }>;
};

describe('reviewing a finding: provenance and evidence offers', () => {
  let t: TestApp;
  let recorded: number;
  const ids: Record<string, number> = {};
  const ingest = async (html: string, outlet: string) => {
    const res = await t.call('kurator', 'POST', '/api/v1/intake/articles', {
      html,
      outlet,
      published: '2025-12-13',
    });
    expect(res.status, res.text).toBe(201);
    return res.json.articles[0] as { articleId: number; findings: { id: number; outcome: string }[] };
  };
  const finding = async (id: number) =>
    (await t.call('kurator', 'GET', `/api/v1/intake/findings/${id}`)).json;
  const audit = async (id: number) =>
    (
      await t.db.db
        .selectFrom('audit_events')
        .select(['action', 'reason'])
        .where('entity_type', '=', 'finding')
        .where('entity_id', '=', String(id))
        .orderBy('id')
        .execute()
    ).map((e) => e.action);

  beforeAll(async () => {
    t = await createTestApp();
    const award = await t.call('admin', 'POST', '/api/v1/awards', {
      title: 'Predikat Kepatuhan Tinggi Ombudsman',
      editionYear: 2025,
      awardingBodyCode: 'ombudsman',
      score: 94.76,
    });
    expect(award.status, award.text).toBe(201);
    recorded = award.json.id;
    ids.ombudsman = (await ingest(OMBUDSMAN, 'Portal A')).findings[0].id;
    const kla = await ingest(KLA, 'Portal B');
    ids.kla = kla.findings[0].id;
    ids.klaArticle = kla.articleId;
  });
  afterAll(() => t?.close());

  it('keeps, per source, the span each slot was read from, and the page marks every piece with its confidence in words', async () => {
    const f = await finding(ids.ombudsman);
    const [source] = f.sources as Source[];
    const read = (slot: string) => source.articleText.slice(source.slots[slot].start, source.slots[slot].end);
    expect(read('giver')).toBe('Ombudsman RI');
    expect(read('date')).toMatch(/12\/12\/2025/);
    expect(read('score')).toBe('94,76');
    expect(read('recipient')).toBe('Pemerintah Kota Tangerang');
    expect(read('title')).toMatch(/Predikat Kepatuhan Tinggi/);
    const stored = await t.db.db
      .selectFrom('finding_sources')
      .select('slots_json')
      .where('finding_id', '=', ids.ombudsman)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.slots_json ?? '{}')).toEqual(source.slots);

    const curator = await pageClient(t).signIn('kurator');
    const { html } = await curator.get(`/kerja/temuan/${ids.ombudsman}`);
    expect(html).toMatch(/<mark class="slot slot-giver" data-slot="giver"[^>]*>Ombudsman RI<\/mark>/);
    expect(html).toMatch(/<mark class="slot slot-score" data-slot="score"[^>]*>94,76<\/mark>/);
    expect(html).toMatch(/data-slot="date"[^>]*>[^<]*12\/12\/2025/);
    // The legend names each piece and says how sure the reading is, in words.
    expect(html).toContain('Pemberi');
    expect(html).toContain('yakin — tertulis di kalimat penghargaan');
    expect(html).not.toMatch(/>0[.,]\d+</); // no raw confidence codes
    const en = (await curator.get(`/kerja/temuan/${ids.ombudsman}?lang=en`)).html;
    expect(en).toContain('sure — written in the award sentence');
  });

  it('shows markup in the article as text, marks included', async () => {
    const curator = await pageClient(t).signIn('kurator');
    const { html } = await curator.get(`/kerja/temuan/${ids.kla}`);
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).not.toMatch(/<img src=x/);
    expect(html).toMatch(/data-slot="giver"[^>]*>Kementerian Pemberdayaan Perempuan dan Perlindungan Anak</);
  });

  it('offers a finding matching an award on record as its evidence; "not the same award" withdraws the offer, audited', async () => {
    expect((await finding(ids.ombudsman)).matchedAwardId).toBe(recorded);
    const curator = await pageClient(t).signIn('kurator');
    let page = await curator.get(`/kerja/temuan/${ids.ombudsman}`);
    expect(page.html).toContain('Sudah ada di catatan?');
    expect(page.html).toContain('Predikat Kepatuhan Tinggi Ombudsman (2025)');
    expect(page.html).toContain(`action="/kerja/temuan/${ids.ombudsman}/bukan-sama"`);

    // Without the session's CSRF token, or as an operator: refused, nothing changes.
    expect((await curator.post(`/kerja/temuan/${ids.ombudsman}/bukan-sama`, {})).status).toBe(403);
    const operator = await pageClient(t).signIn('operator');
    const opToken = await operator.csrf();
    expect(
      (await operator.post(`/kerja/temuan/${ids.ombudsman}/bukan-sama`, { _csrf: opToken })).status,
    ).toBe(403);
    expect((await finding(ids.ombudsman)).matchedAwardId).toBe(recorded);

    const res = await curator.post(`/kerja/temuan/${ids.ombudsman}/bukan-sama`, {
      _csrf: await curator.csrf(),
    });
    expect(res.status).toBe(303);
    const after = await finding(ids.ombudsman);
    expect(after).toMatchObject({ state: 'pending', matchedAwardId: null });
    expect(await audit(ids.ombudsman)).toEqual(['create', 'dismiss_match']);
    page = await curator.get(`/kerja/temuan/${ids.ombudsman}`);
    expect(page.html).toContain('bukan penghargaan yang sama');
    expect(page.html).not.toContain('Sudah ada di catatan?');
    // Asked again: a message on the page, not a 500.
    const again = await curator.post(`/kerja/temuan/${ids.ombudsman}/bukan-sama`, {
      _csrf: await curator.csrf(),
    });
    expect(again.status).toBe(303);
    expect((await curator.get(again.location ?? '')).html).toContain(
      'tidak cocok dengan penghargaan mana pun',
    );
  });

  it('offers late reports of an accepted award as evidence, one by one: take it, or dismiss it for good', async () => {
    const accepted = await t.call('kurator', 'POST', `/api/v1/intake/findings/${ids.kla}/accept`, {});
    expect(accepted.status, accepted.text).toBe(200);
    const awardId = accepted.json.awardId as number;
    const evidence = () =>
      t.db.db.selectFrom('evidence').select('article_id').where('award_id', '=', awardId).execute();
    expect(await evidence()).toHaveLength(1);

    const late = await ingest(KLA_LATE, 'Portal C');
    expect(late.findings).toEqual([expect.objectContaining({ id: ids.kla, outcome: 'source' })]);
    expect((await finding(ids.kla)).pendingEvidence).toEqual([late.articleId]);

    const curator = await pageClient(t).signIn('kurator');
    expect((await curator.get('/kerja/temuan?status=accepted')).html).toContain(
      '1 berita baru ditawarkan sebagai bukti',
    );
    let page = await curator.get(`/kerja/temuan/${ids.kla}`);
    expect(page.html).toContain('Berita baru untuk penghargaan ini');
    expect(page.html).toContain(`data-article="${late.articleId}"`);
    expect(page.html).not.toContain(`data-article="${ids.klaArticle}"`); // already evidence

    const dismissed = await curator.post(`/kerja/temuan/${ids.kla}/bukti/tolak`, {
      _csrf: await curator.csrf(),
      articleId: String(late.articleId),
    });
    expect(dismissed.status).toBe(303);
    expect((await finding(ids.kla)).pendingEvidence).toEqual([]);
    page = await curator.get(`/kerja/temuan/${ids.kla}`);
    expect(page.html).not.toContain('Berita baru untuk penghargaan ini');
    // The API answers the same way: dismissed twice 409, an article not among its sources 404,
    // no article named 422 — nothing written by any of them.
    const dismiss = (body: unknown) =>
      t.call('kurator', 'POST', `/api/v1/intake/findings/${ids.kla}/dismiss-evidence`, body);
    expect((await dismiss({ articleId: late.articleId })).status).toBe(409);
    expect((await dismiss({ articleId: 999_999 })).status).toBe(404);
    expect((await dismiss({})).status).toBe(422);
    expect(
      (await t.call('kurator', 'POST', `/api/v1/intake/findings/${ids.ombudsman}/dismiss-match`)).status,
    ).toBe(409); // no longer matched
    // A dismissed report is never attached, not even by "attach all" on the API.
    const all = await t.call('kurator', 'POST', `/api/v1/intake/findings/${ids.kla}/attach-sources`);
    expect(all.status, all.text).toBe(200);
    expect(await evidence()).toHaveLength(1);

    const later = await ingest(KLA_LATER, 'Portal D');
    expect((await finding(ids.kla)).pendingEvidence).toEqual([later.articleId]);
    const taken = await curator.post(`/kerja/temuan/${ids.kla}/bukti`, {
      _csrf: await curator.csrf(),
      articleId: String(later.articleId),
    });
    expect(taken.status).toBe(303);
    expect((await curator.get(taken.location ?? '')).html).toContain(`bukti penghargaan #${awardId}`);
    expect((await evidence()).map((e) => e.article_id).sort()).toEqual(
      [ids.klaArticle, later.articleId].sort(),
    );
    // Taking it twice, or an article that was dismissed: a message, nothing written.
    for (const articleId of [later.articleId, late.articleId]) {
      const twice = await curator.post(`/kerja/temuan/${ids.kla}/bukti`, {
        _csrf: await curator.csrf(),
        articleId: String(articleId),
      });
      expect(twice.status).toBe(303);
      expect((await curator.get(twice.location ?? '')).html).toMatch(/tidak \(lagi\) ditawarkan|sudah/);
    }
    expect(await evidence()).toHaveLength(2);
    expect(await audit(ids.kla)).toEqual([
      'create',
      'accept',
      'add_source',
      'dismiss_evidence',
      'add_source',
      'attach_sources',
    ]);
  });

  it('undoes a dismissal on the review page: the match or the late report is offered again, audited', async () => {
    const curator = await pageClient(t).signIn('kurator');
    // The match dismissed above ("not the same award") is listed with its undo.
    let page = await curator.get(`/kerja/temuan/${ids.ombudsman}`);
    expect(page.html).toContain('Sudah ditolak');
    expect(page.html).toContain(`data-dismissed-match="${recorded}"`);
    expect(page.html).toContain(`action="/kerja/temuan/${ids.ombudsman}/bukan-sama/batal"`);
    expect((await finding(ids.ombudsman)).dismissedMatchAwardId).toBe(recorded);
    // Without the CSRF token, or as an operator: refused, nothing changes.
    expect((await curator.post(`/kerja/temuan/${ids.ombudsman}/bukan-sama/batal`, {})).status).toBe(403);
    const operator = await pageClient(t).signIn('operator');
    expect(
      (
        await operator.post(`/kerja/temuan/${ids.ombudsman}/bukan-sama/batal`, {
          _csrf: await operator.csrf(),
        })
      ).status,
    ).toBe(403);
    expect((await finding(ids.ombudsman)).matchedAwardId).toBeNull();

    const undone = await curator.post(`/kerja/temuan/${ids.ombudsman}/bukan-sama/batal`, {
      _csrf: await curator.csrf(),
    });
    expect(undone.status).toBe(303);
    expect(await finding(ids.ombudsman)).toMatchObject({
      state: 'pending',
      matchedAwardId: recorded,
      dismissedMatchAwardId: null,
    });
    expect(await audit(ids.ombudsman)).toEqual(['create', 'dismiss_match', 'restore_match']);
    page = await curator.get(`/kerja/temuan/${ids.ombudsman}`);
    expect(page.html).toContain('Sudah ada di catatan?');
    expect(page.html).not.toContain('data-dismissed-match');
    const twice = await curator.post(`/kerja/temuan/${ids.ombudsman}/bukan-sama/batal`, {
      _csrf: await curator.csrf(),
    });
    expect(twice.status).toBe(303);
    expect((await curator.get(twice.location ?? '')).html).toContain('tidak punya kecocokan yang ditolak');

    // The late report dismissed above ("not evidence") comes back on offer.
    const [dismissed] = await t.db.db
      .selectFrom('finding_sources')
      .select('article_id')
      .where('finding_id', '=', ids.kla)
      .where('offer_dismissed_at', 'is not', null)
      .execute();
    expect(dismissed).toBeTruthy();
    page = await curator.get(`/kerja/temuan/${ids.kla}`);
    expect(page.html).toContain(`data-dismissed-article="${dismissed.article_id}"`);
    const back = await curator.post(`/kerja/temuan/${ids.kla}/bukti/batal`, {
      _csrf: await curator.csrf(),
      articleId: String(dismissed.article_id),
    });
    expect(back.status).toBe(303);
    expect((await finding(ids.kla)).pendingEvidence).toEqual([dismissed.article_id]);
    page = await curator.get(`/kerja/temuan/${ids.kla}`);
    expect(page.html).toContain('Berita baru untuk penghargaan ini');
    expect(page.html).toContain(`data-article="${dismissed.article_id}"`);
    expect(page.html).not.toContain('data-dismissed-article');
    const again = await curator.post(`/kerja/temuan/${ids.kla}/bukti/batal`, {
      _csrf: await curator.csrf(),
      articleId: String(dismissed.article_id),
    });
    expect((await curator.get(again.location ?? '')).html).toContain('tidak sedang ditolak');
    expect((await audit(ids.kla)).slice(-1)).toEqual(['restore_evidence']);
  });

  it('undoes both dismissals through the API too: curators only, 4xx JSON on bad input, audited', async () => {
    const api = (who: 'kurator' | 'operator' | 'public', path: string, body?: unknown) =>
      t.call(who, 'POST', `/api/v1/intake/findings/${path}`, body);
    const kurator = await t.db.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'kurator@example.go.id')
      .executeTakeFirstOrThrow();
    const lastAudit = async (id: number) =>
      t.db.db
        .selectFrom('audit_events')
        .select(['action', 'actor_id', 'before_json', 'after_json'])
        .where('entity_type', '=', 'finding')
        .where('entity_id', '=', String(id))
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();

    // "Not the same award", then its undo.
    expect((await api('kurator', `${ids.ombudsman}/dismiss-match`)).status).toBe(200);
    expect((await api('operator', `${ids.ombudsman}/restore-match`)).status).toBe(403);
    expect((await api('public', `${ids.ombudsman}/restore-match`)).status).toBe(401);
    expect((await finding(ids.ombudsman)).matchedAwardId).toBeNull();
    const restored = await api('kurator', `${ids.ombudsman}/restore-match`);
    expect(restored.status, restored.text).toBe(200);
    expect(restored.json).toEqual({ findingId: ids.ombudsman, state: 'pending', matchedAwardId: recorded });
    expect(await finding(ids.ombudsman)).toMatchObject({
      matchedAwardId: recorded,
      dismissedMatchAwardId: null,
    });
    expect(await lastAudit(ids.ombudsman)).toMatchObject({
      action: 'restore_match',
      actor_id: kurator.id,
      after_json: JSON.stringify({ matchedAwardId: recorded }),
    });
    const twice = await api('kurator', `${ids.ombudsman}/restore-match`);
    expect(twice.status).toBe(409);
    expect(twice.json.error.message).toContain('tidak punya kecocokan yang ditolak');
    expect((await api('kurator', '999999/restore-match')).status).toBe(404);

    // "Not evidence" of the accepted KLA award, then its undo.
    const [offered] = (await finding(ids.kla)).pendingEvidence as number[];
    expect(offered).toBeGreaterThan(0);
    expect((await api('kurator', `${ids.kla}/dismiss-evidence`, { articleId: offered })).status).toBe(200);
    expect((await finding(ids.kla)).pendingEvidence).toEqual([]);
    const auditCount = (await audit(ids.kla)).length;
    for (const [body, field] of [
      [{}, 'articleId'],
      [{ articleId: 'satu' }, 'articleId'],
      [{ articleId: offered, reason: 'tidak boleh di sini' }, null],
    ] as const) {
      const bad = await api('kurator', `${ids.kla}/restore-evidence`, body);
      expect(bad.status, JSON.stringify(body)).toBe(422);
      expect(bad.json.error.code).toBe('validation_failed');
      if (field) expect(bad.json.error.details[0].field).toBe(field);
    }
    expect((await api('kurator', `${ids.kla}/restore-evidence`, { articleId: 999_999 })).status).toBe(404);
    expect((await api('operator', `${ids.kla}/restore-evidence`, { articleId: offered })).status).toBe(403);
    expect((await api('public', `${ids.kla}/restore-evidence`, { articleId: offered })).status).toBe(401);
    expect(await audit(ids.kla)).toHaveLength(auditCount); // nothing written by any refusal
    expect((await finding(ids.kla)).pendingEvidence).toEqual([]);

    const back = await api('kurator', `${ids.kla}/restore-evidence`, { articleId: offered });
    expect(back.status, back.text).toBe(200);
    expect(back.json).toEqual({ findingId: ids.kla, articleId: offered, offered: true });
    expect((await finding(ids.kla)).pendingEvidence).toEqual([offered]);
    expect(await lastAudit(ids.kla)).toMatchObject({ action: 'restore_evidence', actor_id: kurator.id });
    const again = await api('kurator', `${ids.kla}/restore-evidence`, { articleId: offered });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain('tidak sedang ditolak');
  });
});
