import { z } from '@hono/zod-openapi';
import type { OpenDataFile } from '../../../services/exports/open-files.ts';

// The open-data package's files served one by one. Their full shapes are the standards they
// follow (Frictionless Data Package, DCAT JSON-LD) and are checked against those in
// test/exports; the document names what a reader can rely on and lets the standard say the rest.

const region = z.looseObject({ code: z.string(), name: z.string() });

export const OPEN_DATA_SCHEMAS: Record<OpenDataFile, z.ZodType> = {
  'penghargaan.csv': z.string().openapi({ description: 'One row per award; columns as in the dictionary' }),
  'metadata.json': z
    .looseObject({
      title: z.string(),
      description: z.string(),
      producer: z.string(),
      region,
      records: z.number().int(),
      updated: z.string(),
    })
    .openapi('OpenDataMetadata', { description: 'Satu Data Indonesia metadata' }),
  'datapackage.json': z
    .looseObject({
      profile: z.literal('tabular-data-package'),
      name: z.string(),
      resources: z.array(z.looseObject({ name: z.string(), schema: z.looseObject({}) })),
    })
    .openapi('DataPackage', { description: 'Frictionless Data Package (https://specs.frictionlessdata.io)' }),
  'dcat.jsonld': z
    .looseObject({ '@context': z.looseObject({}), '@type': z.literal('dcat:Dataset') })
    .openapi('DcatDataset', { description: 'DCAT dataset as JSON-LD (https://www.w3.org/TR/vocab-dcat-3/)' }),
};
