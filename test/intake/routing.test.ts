import { describe, expect, it } from 'vitest';
import { decideRegion, type HomeRegion } from '../../src/services/intake/region.ts';
import { routeEvent, subjectTenant } from '../../src/services/intake/routing.ts';
import { event } from './event.ts';

// Routing in a deployment of several regions, and that one region kept routes as before.

const kota: HomeRegion = { id: 3671, code: '36.71', name: 'Kota Tangerang', kind: 'kota' };
const kabupaten: HomeRegion = { id: 3603, code: '36.03', name: 'Kabupaten Tangerang', kind: 'kabupaten' };
const both = new Map([kota, kabupaten].map((r) => [r.code, r]));
const kotaOnly = new Map([[kota.code, kota]]);

describe('routing award events to the queues of the regions kept', () => {
  it("sends an event to the named region's queue when it is kept, and sets it aside otherwise", () => {
    expect(routeEvent(event({ recipientRegion: kabupaten }), both, kota)).toEqual({ to: kabupaten });
    expect(routeEvent(event({ recipientRegion: kota }), both, kabupaten)).toEqual({ to: kota });
    const tangsel = { code: '36.74', name: 'Kota Tangerang Selatan' };
    expect(routeEvent(event({ recipientRegion: tangsel }), both, kota)).toEqual({
      to: null,
      reason: 'other_region',
      region: tangsel,
    });
  });

  it('sends an event naming no region to the region the article is about, if kept', () => {
    expect(routeEvent(event({}), both, kabupaten)).toEqual({ to: kabupaten });
    expect(routeEvent(event({}), both, null)).toEqual({ to: null, reason: 'no_region', region: null });
    // The giver read as recipient is set aside wherever the article is.
    const giver = event({ recipient: 'Kementerian Kesehatan' });
    expect(routeEvent(giver, both, kota)).toEqual({ to: null, reason: 'giver_recipient', region: null });
  });

  it("reads the article's subject among the regions kept", () => {
    const text =
      'TIGARAKSA — Pemerintah Kabupaten Tangerang menerima penghargaan Kabupaten Sehat. Bupati Tangerang mengucapkan terima kasih kepada warga Kabupaten Tangerang.';
    expect(subjectTenant(text, both)).toBe(kabupaten);
    expect(subjectTenant(text, kotaOnly)).toBeNull();
  });

  it('with one region kept, routes exactly as the single-region rule decides', () => {
    const cases = [
      event({ recipientRegion: kota }),
      event({ recipientRegion: kabupaten }),
      event({}),
      event({ recipient: 'Kementerian Kesehatan' }),
    ];
    for (const e of cases)
      for (const about of [true, false]) {
        const single = decideRegion(e, kota, about);
        const routed = routeEvent(e, kotaOnly, about ? kota : null);
        expect(routed.to === kota, JSON.stringify({ e: e.recipientRegion, about })).toBe(single.home);
        if (!single.home && routed.to === null) expect(routed.reason).toBe(single.reason);
      }
  });
});
