// The files of the open-data package and their media types: each is also served on its own
// (/api/v1/exports/open-data/NAME). Kept apart so the router names them without loading the
// package builder, which runs on the export worker.

/** The files of the package, each also served on its own. */
export const OPEN_DATA_FILES = {
  'penghargaan.csv': 'text/csv; charset=utf-8',
  'metadata.json': 'application/json; charset=utf-8',
  'datapackage.json': 'application/json; charset=utf-8',
  'dcat.jsonld': 'application/ld+json; charset=utf-8',
} as const;
export type OpenDataFile = keyof typeof OPEN_DATA_FILES;
