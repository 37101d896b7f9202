import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, findUserByEmail } from '../../src/auth/users.ts';
import { workQueues } from '../../src/services/awards/queues.ts';
import { addAward } from '../recap/support.ts';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';

// Issue 10: one rule for what an actor may read (src/services/access.ts `readableBy`). For
// every role × unit, the list, the award page, the awards export, the recap (with unverified
// records asked for) and the work queues must show exactly the same records.

type Who = 'admin' | 'verifikator' | 'operator' | 'operatorOther' | 'kurator' | 'viewer' | 'public';

describe('one read rule for every path', () => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let expected: Record<Who, string[]>;

  beforeAll(async () => {
    t = await createTestApp();
    const { puskesmas, dinkes, bkpsdm } = t.units;
    const make = (unitId: number, title: string, over: Record<string, unknown> = {}) =>
      sampleAward(unitId, { title, awardingBodyCode: 'kemenkes', ...over });
    ids.draftDinkes = await addAward(t.db.db, make(puskesmas.id, 'Draf Puskesmas'), 'draft');
    ids.draftBkpsdm = await addAward(t.db.db, make(bkpsdm.id, 'Draf BKPSDM'), 'draft');
    ids.submittedBkpsdm = await addAward(t.db.db, make(bkpsdm.id, 'Diajukan BKPSDM'), 'submitted');
    ids.verifiedPublic = await addAward(t.db.db, make(bkpsdm.id, 'Terverifikasi publik'));
    ids.verifiedHidden = await addAward(
      t.db.db,
      make(dinkes.id, 'Terverifikasi tidak publik', { isPublic: false }),
    );
    const all = Object.keys(ids);
    expected = {
      admin: all,
      verifikator: all,
      kurator: all,
      viewer: all,
      // Verified records of every unit, plus anything of their own subtree.
      operator: ['draftDinkes', 'verifiedPublic', 'verifiedHidden'],
      operatorOther: ['draftBkpsdm', 'submittedBkpsdm', 'verifiedPublic', 'verifiedHidden'],
      public: ['verifiedPublic'],
    };
  }, 60_000);
  afterAll(() => t.close());

  const names = (idList: number[]) =>
    Object.entries(ids)
      .filter(([, id]) => idList.includes(id))
      .map(([name]) => name)
      .sort();

  for (const who of [
    'admin',
    'verifikator',
    'operator',
    'operatorOther',
    'kurator',
    'viewer',
    'public',
  ] as const) {
    it(`${who}: list, award page, export, recap and work queues agree`, async () => {
      const want = [...expected[who]].sort();
      const list = await t.call(who, 'GET', '/api/v1/awards?pageSize=100');
      expect(names(list.json.items.map((a: { id: number }) => a.id)), 'list').toEqual(want);

      for (const [name, id] of Object.entries(ids)) {
        const res = await t.call(who, 'GET', `/api/v1/awards/${id}`);
        const refused = who === 'public' ? 404 : 403;
        expect(res.status, `award page ${name}`).toBe(want.includes(name) ? 200 : refused);
      }

      const exported = await t.call(who, 'GET', '/api/v1/exports/awards.json');
      expect(names(exported.json.items.map((a: { id: number }) => a.id)), 'export').toEqual(want);

      if (who === 'public') {
        const recap = await t.call(who, 'GET', '/api/v1/recap?year=2025');
        expect(recap.json.total, 'recap').toBe(want.length);
        return;
      }
      const recap = await t.call(who, 'GET', '/api/v1/recap?year=2025&includeUnverified=true');
      expect(recap.json.total, 'recap with unverified').toBe(want.length);

      const user = (await findUserByEmail(t.db.db, `${who}@example.go.id`))!;
      const queues = await workQueues(t.db.db, await actorFor(t.db.db, user));
      const waiting = want.filter((n) => n.startsWith('submitted'));
      expect(names(queues.submitted.first.map((a) => a.id)), 'work queue').toEqual(waiting);
      expect(queues.submitted.count, 'work queue count').toBe(waiting.length);
    });
  }
});
