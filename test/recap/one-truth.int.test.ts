import { formatNumber } from '../../src/domain/format.ts';
import '@hono/zod-openapi';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, createApiToken, findUserByEmail } from '../../src/auth/users.ts';
import { recapOutput } from '../../src/cli/commands/recap.ts';
import { loadConfig } from '../../src/config.ts';
import { DEMO_ACCOUNTS } from '../../src/demo/accounts.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { createApp } from '../../src/http/app.ts';
import type { Actor } from '../../src/services/actor.ts';
import { yearlyReportPdf } from '../../src/services/exports/report-pdf.ts';
import { buildDashboard } from '../../src/services/recap/dashboard.ts';
import type { Recap } from '../../src/services/recap/recap.ts';
import { homeData } from '../../src/services/showcase/home.ts';
import { timelineData } from '../../src/services/showcase/timeline.ts';
import { pdfText } from '../exports/pdf-text.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

// Issue 10: every number from one place. For every year of the demo (1993 to today), the
// showcase, the dashboard, the PDF report, the recap exports, the CLI and the API must say
// the same: the year's count, the year before, the change, the count since the founding,
// and the counts by field, giver and level. The public channels are compared with the
// public API; the signed-in ones (dashboard, CLI, a pimpinan's API token) with each other.

type Numbers = {
  total: number;
  previous: number;
  cumulative: number;
  byField: Record<string, number>;
  byGiver: Record<string, number>;
  byLevel: Record<string, number>;
};

const numbers = (r: Recap): Numbers => ({
  total: r.total,
  previous: r.previousYearTotal,
  cumulative: r.cumulative.total,
  byField: Object.fromEntries(r.byField.map((f) => [f.code ?? '-', f.count])),
  byGiver: Object.fromEntries(r.byGiver.map((g) => [g.code ?? `~${g.text}`, g.count])),
  byLevel: Object.fromEntries(r.byLevel.map((l) => [l.level ?? '-', l.count])),
});

describe('one truth: every channel counts the demo the same way, every year', () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let viewer: Actor;
  let viewerToken: string;
  const get = async (path: string, token?: string) => {
    const res = await app.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    expect(res.status, path).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestDb();
    await seedDemo(t.db);
    const config = { ...loadConfig({}), uploadDir: mkdtempSync(join(tmpdir(), 'prestasi-truth-')) };
    app = createApp({ db: t, config });
    const pimpinan = DEMO_ACCOUNTS.find((a) => a.role === 'viewer')!;
    const user = (await findUserByEmail(t.db, pimpinan.email))!;
    viewer = await actorFor(t.db, user);
    viewerToken = await createApiToken(t.db, user.id, 'one-truth');
  }, 120_000);
  afterAll(() => t.drop());

  it('the demo spans 1993 to today with hundreds of records', async () => {
    const timeline = await timelineData(t.db, '1993-02-28', '36.71');
    expect(timeline.fromYear).toBe(1993);
    expect(timeline.total).toBeGreaterThan(400);
  });

  it('public: API, recap exports, PDF report and the showcase timeline agree for every year', async () => {
    const timeline = await timelineData(t.db, '1993-02-28', '36.71');
    const shownCount = new Map(timeline.years.map((y) => [y.year, y.count]));
    for (let year = timeline.fromYear!; year <= timeline.toYear!; year++) {
      const api: Recap = await get(`/api/v1/recap?year=${year}`);
      const exported: Recap = await get(`/api/v1/exports/recap.json?year=${year}`);
      expect(numbers(exported), `export ${year}`).toEqual(numbers(api));
      expect(shownCount.get(year) ?? 0, `timeline ${year}`).toBe(api.total);
      const report = await yearlyReportPdf(t.db, null, { year, compress: false });
      expect(report.count, `PDF ${year}`).toBe(api.total);
      const text = pdfText(report.pdf);
      expect(text).toContain(api.change.phrase);
      expect(text).toContain(api.cumulative.phrase);
      // The bars by field carry the recap's counts, largest first (labels may be shortened).
      const bars = text.slice(text.indexOf('Menurut bidang'), text.indexOf('Menurut tingkat'));
      const drawn = bars.split('\n').filter((line) => /^[\d.]+$/.test(line));
      const counts = api.byField.map((f) => f.count);
      const expected =
        counts.length > 11 ? [...counts.slice(0, 11), counts.slice(11).reduce((a, b) => a + b)] : counts;
      expect(drawn, `PDF ${year} bars`).toEqual(expected.map((n) => formatNumber(n)));
    }
  }, 300_000);

  it('public: the showcase home shows the default year as the API recap does', async () => {
    const api: Recap = await get('/api/v1/recap');
    const home = await homeData(t.db, {
      locale: 'id',
      regionCode: '36.71',
      foundedOn: '1993-02-28',
      otherLabel: 'Lainnya',
    });
    expect(home.year).toBe(api.year);
    expect([home.change.count, home.change.previous, home.change.delta, home.change.percent]).toEqual([
      api.total,
      api.previousYearTotal,
      api.change.absolute,
      api.change.percent,
    ]);
    expect(home.cumulative?.total).toBe(api.cumulative.total);
    expect(Object.fromEntries(home.byField.map((f) => [f.key || '-', f.count]))).toEqual(
      numbers(api).byField,
    );
    expect(home.byGiver.reduce((s, g) => s + g.count, 0)).toBe(api.total);
  });

  it('signed in: dashboard, CLI and the API agree for every year, and on the default year', async () => {
    const first = (await get('/api/v1/recap?year=1993', viewerToken)) as Recap;
    const today = new Date().toISOString().slice(0, 10);
    const last = Number(today.slice(0, 4));
    for (let year = first.byYear[0]?.year ?? 1993; year <= last; year++) {
      const api: Recap = await get(`/api/v1/recap?year=${year}`, viewerToken);
      const cli: Recap = JSON.parse(await recapOutput(t.db, { year: String(year), json: true }));
      const dash = (await buildDashboard(t.db, viewer, { year, today, lang: 'id' }))!;
      expect(numbers(cli), `CLI ${year}`).toEqual(numbers(api));
      expect(numbers(dash.recap), `dashboard ${year}`).toEqual(numbers(api));
      expect(dash.trend.find((y) => y.year === year)?.count ?? 0).toBe(api.total);
    }
    const api: Recap = await get('/api/v1/recap', viewerToken);
    const cli: Recap = JSON.parse(await recapOutput(t.db, { json: true }));
    const dash = (await buildDashboard(t.db, viewer, {
      today: new Date().toISOString().slice(0, 10),
      lang: 'id',
    }))!;
    expect([cli.year, dash.recap.year]).toEqual([api.year, api.year]);
  }, 300_000);
});
