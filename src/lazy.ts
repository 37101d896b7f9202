import { createRequire } from 'node:module';

// Heavy libraries (ECharts, exceljs, pdfkit, linkedom, Readability, JSZip) take from a tenth
// of a second to over a second each to load. They are loaded on first use, so `prestasi --help`
// and `prestasi serve` start without them and a command loads only what it runs. Each of them
// ships a CommonJS build, so the first use can stay synchronous.

const require = createRequire(import.meta.url);

/** A getter that loads the module `id` the first time it is called. */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(id) as T;
    return loaded;
  };
}
