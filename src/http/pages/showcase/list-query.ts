import { AWARD_LEVELS } from '../../../reference/unit-types.ts';
import { COUNT_CAP } from '../../../services/awards/read.ts';
import type { ListAwardsQuery } from '../../../services/awards/schemas.ts';
import type { FilterOptions } from '../../../services/showcase/options.ts';

// The public list's URL parameters, in Indonesian so shared links read naturally:
// /penghargaan?tahun=2025&bidang=kesehatan&tingkat=nasional&unit=12&pemberi=bkn&q=spm&hal=2

export const PAGE_SIZE = 20;

export interface ListParams {
  tahun?: number;
  bidang?: string;
  tingkat?: string;
  unit?: number;
  pemberi?: string;
  q?: string;
  hal: number;
}

export interface ParsedList {
  params: ListParams;
  query: ListAwardsQuery;
  /** Parameters that were present but not understood; they are ignored and named on the page. */
  ignored: string[];
}

export function parseListParams(
  get: (name: string) => string | undefined,
  options: FilterOptions,
): ParsedList {
  const ignored: string[] = [];
  const params: ListParams = { hal: 1 };
  const value = (name: string) => {
    const v = get(name)?.trim();
    return v ? v : undefined;
  };
  const tahun = value('tahun');
  if (tahun !== undefined) {
    const y = Number(tahun);
    if (/^\d{4}$/.test(tahun) && y >= 1945 && y <= 2100) params.tahun = y;
    else ignored.push('tahun');
  }
  const bidang = value('bidang');
  if (bidang !== undefined) {
    if (options.fields.some((f) => f.code === bidang)) params.bidang = bidang;
    else ignored.push('bidang');
  }
  const tingkat = value('tingkat');
  if (tingkat !== undefined) {
    if ((AWARD_LEVELS as readonly string[]).includes(tingkat)) params.tingkat = tingkat;
    else ignored.push('tingkat');
  }
  const unit = value('unit');
  if (unit !== undefined) {
    if (/^\d{1,9}$/.test(unit) && options.units.some((u) => u.id === Number(unit)))
      params.unit = Number(unit);
    else ignored.push('unit');
  }
  const pemberi = value('pemberi');
  if (pemberi !== undefined) {
    if (options.givers.some((g) => g.code === pemberi)) params.pemberi = pemberi;
    else ignored.push('pemberi');
  }
  const q = value('q');
  if (q !== undefined) params.q = q.slice(0, 200);
  const hal = value('hal');
  if (hal !== undefined) {
    // Pages go as deep as the list counts (COUNT_CAP); deeper is ignored, not a failure.
    if (/^\d{1,5}$/.test(hal) && Number(hal) >= 1 && (Number(hal) - 1) * PAGE_SIZE < COUNT_CAP)
      params.hal = Number(hal);
    else ignored.push('hal');
  }
  return {
    params,
    ignored,
    query: {
      year: params.tahun,
      field: params.bidang,
      level: params.tingkat as ListAwardsQuery['level'],
      unit: params.unit,
      giver: params.pemberi,
      q: params.q,
      sort: 'receivedOn',
      order: 'desc',
      page: params.hal,
      pageSize: PAGE_SIZE,
    },
  };
}

/** The parameters as link parameters (page left out unless asked). */
export function paramsToLink(p: ListParams, page?: number): Record<string, string | number | undefined> {
  return {
    tahun: p.tahun,
    bidang: p.bidang,
    tingkat: p.tingkat,
    unit: p.unit,
    pemberi: p.pemberi,
    q: p.q,
    hal: page && page > 1 ? page : undefined,
  };
}
