import { createRequire } from 'node:module';

// Heavy libraries (ECharts, exceljs, pdfkit, linkedom, Readability, JSZip, fast-xml-parser,
// csv-parse) take from a hundredth
// of a second to over a second each to load. They are loaded on first use, so `prestasi --help`
// and `prestasi serve` start without them and a command loads only what it runs. Each of them
// ships a CommonJS build, so the first use can stay synchronous.

const require = createRequire(import.meta.url);

/** A getter that makes its value the first time it is called. */
export function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}

/** A getter that loads the module `id` the first time it is called. */
export const lazyRequire = <T>(id: string): (() => T) => lazy(() => require(id) as T);
