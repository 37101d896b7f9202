// Whose queue does an award event go to, when one deployment keeps several regions? The region
// the extractor names for the recipient (by Kemendagri code) when that region is kept here;
// else, for an event that names no region, the region the article is about when it is kept
// here. Anything else is set aside with its article ("other region" events), as before. With one
// region kept, this is exactly the single-region rule of region.ts. Pure: the caller loads the
// regions kept (the tenants).
import { articleSubject } from '../../extract/attribute.ts';
import { findRegions } from '../../extract/regions/gazetteer.ts';
import type { AwardEvent } from '../../extract/types.ts';
import { decideRegion, type HomeRegion, type RegionRef, type SetAsideReason } from './region.ts';

export type Route<R extends HomeRegion> =
  | { to: R }
  | { to: null; reason: SetAsideReason; region: RegionRef | null };

/** The kept region an article is about (the region it names most, its headline and lead counting more). */
export function subjectTenant<R extends HomeRegion>(text: string, tenants: ReadonlyMap<string, R>): R | null {
  const code = articleSubject(text, findRegions(text))?.code;
  return code === undefined ? null : (tenants.get(code) ?? null);
}

export function routeEvent<R extends HomeRegion>(
  e: AwardEvent,
  tenants: ReadonlyMap<string, R>,
  subject: R | null,
): Route<R> {
  const named = e.recipientRegion;
  if (named) {
    const tenant = tenants.get(named.code);
    return tenant ? { to: tenant } : { to: null, reason: 'other_region', region: named };
  }
  if (subject === null) {
    const d = decideRegion(e, { code: '', name: '', kind: '' } as R, false);
    return d.home
      ? { to: null, reason: 'no_region', region: null }
      : { to: null, reason: d.reason, region: d.region };
  }
  const d = decideRegion(e, subject, true);
  return d.home ? { to: subject } : { to: null, reason: d.reason, region: d.region };
}
