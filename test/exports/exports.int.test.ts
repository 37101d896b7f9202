import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { importAwards } from '../../src/services/imports/run.ts';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';
import { appWithVerifiedSheet } from './support.ts';

let t: TestApp;
let empty: TestApp;

beforeAll(async () => {
  // Verified records from a spreadsheet, plus hand-made ones the import cannot shape alone:
  // a team award, a region award without a unit, an ordinal (BPK opinion) grade, a draft.
  t = await appWithVerifiedSheet();
  empty = await createTestApp();
  const created = [
    await t.call('admin', 'POST', '/api/v1/awards', {
      title: 'Opini WTP atas LKPD 2024',
      programme: 'Opini BPK',
      editionYear: 2024,
      awardingBodyCode: 'bpk',
      level: 'nasional',
      fieldCode: 'keuangan',
      recipientKind: 'region',
      receivedOn: '2025-05-23',
      scaleId: 'bpk-opini',
      statusLabel: 'WTP',
      legalBasis: '=HYPERLINK("http://x")',
    }),
    await t.call('admin', 'POST', '/api/v1/awards', {
      ...sampleAward(t.units.dinkes.id),
      title: 'Inovasi Bersama, "Sehat" Terpadu',
      recipientKind: 'team',
      unitId: null,
      team: [{ unitId: t.units.dinkes.id }, { unitId: t.units.bkpsdm.id }, { personName: 'dr. Ani' }],
      rank: 'Juara 2',
    }),
  ];
  for (const c of created) {
    expect(c.status).toBe(201);
    await t.call('admin', 'POST', `/api/v1/awards/${c.json.id}/submit`);
    await t.call('verifikator', 'POST', `/api/v1/awards/${c.json.id}/verify`);
  }
  await t.call(
    'operator',
    'POST',
    '/api/v1/awards',
    sampleAward(t.units.dinkes.id, { title: 'Draf Dinkes Belum Diverifikasi' }),
  );
});
afterAll(async () => {
  await t.close();
  await empty.close();
});

/** What a record is, without ids and timestamps: the fields a round trip must keep. */
async function records(app: TestApp) {
  const rows = await app.db.db.selectFrom('awards').selectAll().orderBy('title').execute();
  const units = new Map(
    (await app.db.db.selectFrom('org_units').select(['id', 'name']).execute()).map((u) => [u.id, u.name]),
  );
  const team = await app.db.db.selectFrom('award_team_members').selectAll().orderBy('position').execute();
  return rows.map((r) => ({
    title: r.title,
    programme: r.programme,
    year: r.edition_year,
    giver: r.awarding_body_id,
    giverText: r.awarding_body_text,
    level: r.level,
    field: r.field_id,
    category: r.category,
    kind: r.recipient_kind,
    unit: r.unit_id ? units.get(r.unit_id) : null,
    team: team
      .filter((m) => m.award_id === r.id)
      .map((m) => (m.unit_id ? units.get(m.unit_id) : m.person_name)),
    date: r.received_on,
    place: r.place,
    rank: r.rank,
    score: r.score,
    grade: [r.scale_id, r.scale_version, r.grade_code, r.grade_zone],
    status: r.status_label,
    legalBasis: r.legal_basis,
    description: r.description,
    isPublic: r.is_public,
    seriesKey: r.series_key,
  }));
}

describe('exports round-trip through import', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`an exported ${format} imported into an empty database gives the same records`, async () => {
      await empty.db.db.deleteFrom('award_team_members').execute();
      await empty.db.db.deleteFrom('awards').execute();
      const res = await t.app.request(`/api/v1/exports/awards.${format}?state=verified`, {
        headers: { authorization: `Bearer ${t.tokens.admin}` },
      });
      expect(res.status).toBe(200);
      const buffer = new Uint8Array(await res.arrayBuffer());
      const report = await importAwards(empty.db.db, SYSTEM_ACTOR, {
        fileName: `ekspor.${format}`,
        buffer,
        verified: true,
      });
      expect(report.problems).toEqual([]);
      expect(report.created).toBe(6);
      const original = (await records(t)).filter((r) => r.title !== 'Draf Dinkes Belum Diverifikasi');
      expect(await records(empty)).toEqual(original);
    });
  }

  it('guards formula-like text in CSV so a spreadsheet does not run it', async () => {
    const res = await t.call('admin', 'GET', '/api/v1/exports/awards.csv');
    expect(res.text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
  });

  it('offers CSV for Excel with Indonesian settings: BOM, semicolons, decimal commas, same rows', async () => {
    const standard = await t.call('admin', 'GET', '/api/v1/exports/awards.csv');
    const excel = await t.call('admin', 'GET', '/api/v1/exports/awards.csv?dialect=excel-id');
    expect(excel.status).toBe(200);
    expect(excel.headers.get('content-disposition')).toMatch(/-excel\.csv"/);
    const body = excel.text.replace(/^\uFEFF/, '');
    const bytes = new Uint8Array(
      await (await t.app.request('/api/v1/exports/awards.csv?dialect=excel-id')).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = (text: string) =>
      text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
    expect(rows(excel.text)).toHaveLength(rows(standard.text).length);
    const header = rows(excel.text)[0]!;
    expect(header.split(';').length).toBe(rows(standard.text)[0]!.split(',').length);
    // A score with decimals reads 94,76 (not 94.76, which Indonesian Excel takes for text/date).
    const scored = rows(standard.text).find((r) => /\d+\.\d+/.test(r));
    if (scored) expect(body).toMatch(/;\d+,\d+(;|$)/m);
    expect((await t.call('admin', 'GET', '/api/v1/exports/awards.csv?dialect=tsv')).status).toBe(422);
  });
});

describe('exports follow the list filters and the caller’s visibility', () => {
  it('JSON export: the public sees verified public records only; filters apply', async () => {
    const pub = await t.call('public', 'GET', '/api/v1/exports/awards.json');
    const titles = pub.json.items.map((a: { title: string }) => a.title);
    expect(titles).not.toContain('Draf Dinkes Belum Diverifikasi');
    expect(titles).not.toContain('Puskesmas Berprestasi'); // Publik: Tidak
    expect(pub.json.count).toBe(5);
    const admin = await t.call('admin', 'GET', '/api/v1/exports/awards.json');
    expect(admin.json.count).toBe(7);
    const y2024 = await t.call('admin', 'GET', '/api/v1/exports/awards.json?year=2024&field=keuangan');
    expect(y2024.json.items.map((a: { title: string }) => a.title)).toEqual(['Opini WTP atas LKPD 2024']);
    const other = await t.call('operatorOther', 'GET', '/api/v1/exports/awards.json');
    expect(other.json.count).toBe(6); // verified ones, not the Dinkes draft
  });

  it('refuses a bad filter with 422', async () => {
    const res = await t.call('admin', 'GET', '/api/v1/exports/awards.csv?year=abc');
    expect(res.status).toBe(422);
  });
});

describe('open-data package', () => {
  it('holds verified public records as CSV and metadata after Satu Data Indonesia', async () => {
    const res = await t.app.request('/api/v1/exports/open-data.zip');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    expect(Object.keys(zip.files).sort()).toEqual([
      'datapackage.json',
      'dcat.jsonld',
      'metadata.json',
      'penghargaan.csv',
    ]);
    const csv = await zip.file('penghargaan.csv')!.async('string');
    const meta = JSON.parse(await zip.file('metadata.json')!.async('string'));
    const lines = csv.trim().split('\n');
    expect(lines[0]).toMatch(/^id,kode_wilayah,judul,program,tahun,kode_pemberi,pemberi,/);
    expect(lines).toHaveLength(1 + 5);
    expect(csv).not.toContain('Draf Dinkes');
    expect(csv).not.toContain('Puskesmas Berprestasi');
    expect(csv).toContain('36.71,Opini WTP atas LKPD 2024');
    expect(meta).toMatchObject({
      producer: 'Pemerintah Kota Tangerang',
      region: { code: '36.71', name: 'Kota Tangerang' },
      period: { from: 2024, to: 2025 },
      records: 5,
      licence: { id: 'CC-BY-4.0' },
    });
    expect(meta.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(meta.columns.find((c: { name: string }) => c.name === 'nilai')).toMatchObject({ type: 'number' });
    expect(meta.references.givers.find((g: { code: string }) => g.code === 'bpk')).toBeTruthy();
    expect(meta.references.fields.find((f: { code: string }) => f.code === 'kesehatan')).toBeTruthy();
    expect(meta.references.units.map((u: { name: string }) => u.name)).toContain('Dinas Kesehatan');
  });
});

describe('recap exports', () => {
  it('gives the recap as JSON, a long CSV and a workbook with a sheet per table', async () => {
    const json = await t.call('public', 'GET', '/api/v1/exports/recap.json?year=2025');
    expect(json.status).toBe(200);
    expect(json.json).toMatchObject({ year: 2025, total: 3, previousYearTotal: 2, verifiedOnly: true });
    const csv = await t.call('public', 'GET', '/api/v1/exports/recap.csv?year=2025');
    expect(csv.text).toContain('bidang,kesehatan,Kesehatan,2,');
    expect(csv.text).toContain('ringkasan,2025,Kota Tangerang (36.71),3,');
    const res = await t.app.request('/api/v1/exports/recap.xlsx?year=2025');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Ringkasan',
      'Per Tahun',
      'Per Bidang',
      'Per Pemberi',
      'Per Tingkat',
      'Per Unit',
      'Seri',
    ]);
    const unverified = await t.call('public', 'GET', '/api/v1/exports/recap.json?includeUnverified=true');
    expect(unverified.status).toBe(401);
  });
});
