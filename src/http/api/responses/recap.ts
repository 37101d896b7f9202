import { z } from '@hono/zod-openapi';
import { AWARD_LEVELS } from '../../../reference/unit-types.ts';
import { RECAP_SERIES } from '../../../services/recap/recap.ts';
import { isoDate, nullable, oneOfOrNull } from './common.ts';

// The recap service's answers (services/recap/): the yearly recap, a unit's report card and
// the series with their trend and streaks.

const int = () => z.number().int();
const giver = { code: z.string(), abbreviation: z.string(), name: z.string() };

const StreakSchema = z.strictObject({
  dimension: z.enum(['status', 'zone', 'grade', 'received']),
  value: z.string(),
  length: int(),
  fromYear: int(),
  toYear: int(),
  phrase: z.string().nullable(),
});

export const SeriesSchema = z
  .strictObject({
    key: z.string(),
    title: z.string().nullable(),
    giver: nullable(giver),
    scaleId: z.string().nullable(),
    points: z.array(
      z.strictObject({
        awardId: int(),
        year: int(),
        score: z.number().nullable(),
        grade: z.string().nullable(),
        gradeLabel: z.string().nullable(),
        zone: z.string().nullable(),
        status: z.string().nullable(),
      }),
    ),
    trend: nullable({
      year: int(),
      score: z.number(),
      previousYear: int().nullable(),
      previousScore: z.number().nullable(),
      delta: z.number().nullable(),
      deltaPercent: z.number().nullable(),
      direction: z.enum(['up', 'down', 'flat']).nullable(),
      phrase: z.string(),
    }),
    streak: StreakSchema.nullable(),
    longestStreak: StreakSchema.nullable(),
    phrase: z.string().nullable(),
  })
  .openapi('Series');

const YearCountSchema = z.strictObject({ year: int(), count: int() });

export const RecapSchema = z
  .strictObject({
    region: z.strictObject({ code: z.string(), name: z.string(), foundedOn: isoDate.nullable() }),
    year: int(),
    verifiedOnly: z.boolean(),
    total: int(),
    previousYearTotal: int(),
    change: z.strictObject({ absolute: int(), percent: z.number().nullable(), phrase: z.string() }),
    cumulative: z.strictObject({ since: isoDate.nullable(), total: int(), phrase: z.string() }),
    byField: z.array(
      z.strictObject({ code: z.string().nullable(), name: z.string().nullable(), count: int() }),
    ),
    byGiver: z.array(
      z.strictObject({
        code: z.string().nullable(),
        text: z.string().nullable().openapi({ description: 'The giver as typed, when it is not listed' }),
        abbreviation: z.string().nullable(),
        name: z.string().nullable(),
        count: int(),
      }),
    ),
    byLevel: z.array(z.strictObject({ level: oneOfOrNull(AWARD_LEVELS), count: int() })),
    byUnit: z.array(
      z.strictObject({
        unitId: int(),
        name: z.string(),
        shortName: z.string().nullable(),
        path: z.string(),
        direct: int().openapi({ description: 'Awards the unit received itself' }),
        total: int().openapi({ description: "The unit's and its sub-units' awards" }),
      }),
    ),
    byYear: z.array(YearCountSchema),
    series: z.array(SeriesSchema).openapi({
      description: `Series still running (a point this year or last, at least two years): the ${RECAP_SERIES} most recently active (latest year, then key), listed by key`,
    }),
    seriesMore: z.boolean().openapi({
      description:
        'True when more series are running than `series` lists; every series: GET /api/v1/series, paged',
    }),
  })
  .openapi('Recap');

const keyed = { key: z.string().nullable(), count: int() };

export const UnitReportSchema = z
  .strictObject({
    unit: z.strictObject({
      id: int(),
      name: z.string(),
      shortName: z.string().nullable(),
      path: z.string(),
      regionCode: z.string(),
    }),
    verifiedOnly: z.boolean(),
    includeSubunits: z.boolean(),
    year: int().nullable().openapi({ description: 'Null when the unit has no award yet' }),
    total: int(),
    change: nullable({
      year: int(),
      count: int(),
      previousYear: int(),
      previous: int(),
      delta: int(),
      percent: z.number().nullable(),
    }),
    byYear: z.array(YearCountSchema),
    byField: z.array(z.strictObject({ ...keyed, name: z.string().nullable() })),
    byLevel: z.array(z.strictObject(keyed)),
    byGiver: z.array(
      z.strictObject({
        ...keyed,
        giver: nullable({
          code: z.string(),
          abbreviation: z.string().nullable(),
          name: z.string().nullable(),
        }),
      }),
    ),
    series: z.array(SeriesSchema).openapi({
      description: `The unit's series (at least two years, points up to \`year\`): the ${RECAP_SERIES} most recently active (latest year, then key), listed by key`,
    }),
    seriesMore: z.boolean().openapi({
      description:
        'True when the unit has more series than `series` lists; every series of the unit: GET /api/v1/series?unit={unit.id} (with includeSubunits=false for a card of its own awards), paged',
    }),
    awards: z.array(
      z.strictObject({
        id: int(),
        title: z.string().nullable(),
        editionYear: int(),
        receivedOn: isoDate.nullable(),
        giver: z.string().nullable(),
        field: z.string().nullable(),
        level: z.string().nullable(),
        score: z.number().nullable(),
        grade: z.string().nullable(),
        zone: z.string().nullable(),
        status: z.string().nullable(),
      }),
    ),
  })
  .openapi('UnitReport');

export const SeriesListSchema = z
  .strictObject({
    region: z.strictObject({ code: z.string(), name: z.string() }),
    items: z.array(SeriesSchema),
    /** Pass as `after` for the next page; null on the last. */
    next: z.string().nullable(),
  })
  .openapi('SeriesList');
