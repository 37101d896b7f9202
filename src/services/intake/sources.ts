// Where articles come from on the command line: files, folders (recursively) and URLs. Files
// over the limit are refused before they are read; URLs go through the watcher's guarded fetch
// (no private addresses unless allowed), and a failed fetch says what to do instead.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { MAX_INPUT_BYTES } from '../../extract/source.ts';
import { AppError, type ErrorCode } from '../errors.ts';
import type { IntakeInput } from './prepare.ts';
import { DEFAULT_LIMITS, FetchError, type FetchOutcome, fetchPolitely } from './watch/fetch.ts';

/** Extensions taken from folders; a file named explicitly is read whatever its name. */
export const ARTICLE_EXTENSIONS = new Set([
  '.txt',
  '.text',
  '.html',
  '.htm',
  '.xhtml',
  '.xml',
  '.rss',
  '.atom',
]);

export const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** A path → the article files it names: itself, or every article file under a folder (sorted). */
export function listFiles(path: string): string[] {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    throw new AppError('not_found', 'Berkas atau folder tidak ada');
  }
  if (!stat.isDirectory()) return [path];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(full);
    }
  };
  walk(path);
  return out;
}

export function readFileInput(path: string, meta: Partial<IntakeInput> = {}): IntakeInput {
  const size = statSync(path).size;
  if (size > MAX_INPUT_BYTES)
    throw new AppError(
      'payload_too_large',
      `${size} byte, batasnya ${Math.round(MAX_INPUT_BYTES / 1048576)} MB per artikel. Simpan teks beritanya saja.`,
    );
  return { ...meta, content: readFileSync(path), name: path, sourceKind: 'file' };
}

export interface UrlFetchOptions {
  timeoutMs: number;
  /** Reach this machine or a private network (a local test site); refused otherwise. */
  allowPrivate: boolean;
}

// How each refusal of the guarded fetch reads on the command line (and in --json as error.code).
const FETCH_ERROR_CODES: Record<FetchError['code'], ErrorCode> = {
  timeout: 'bad_request',
  network: 'bad_request',
  http: 'bad_request',
  url: 'bad_request',
  encoding: 'unsupported_media_type',
  binary: 'unsupported_media_type',
  too_large: 'payload_too_large',
  private: 'forbidden',
  certificate: 'bad_request',
};

/**
 * A URL through the one guarded fetch the watcher uses (./watch/fetch.ts): resolved addresses
 * checked, redirects re-checked, the size cap applied after decompression, a timeout. One try:
 * whoever runs the command sees the answer and may run it again.
 */
export async function fetchUrlInput(
  url: string,
  meta: Partial<IntakeInput>,
  opts: UrlFetchOptions,
): Promise<IntakeInput> {
  let page: FetchOutcome;
  try {
    page = await fetchPolitely(url, {
      ...DEFAULT_LIMITS,
      timeoutMs: opts.timeoutMs,
      maxBytes: MAX_INPUT_BYTES,
      retries: 0,
      allowPrivate: opts.allowPrivate,
    });
  } catch (err) {
    if (!(err instanceof FetchError)) throw err;
    throw new AppError(FETCH_ERROR_CODES[err.code], explain(err));
  }
  if (page.kind !== 'ok') throw new AppError('bad_request', 'Server menjawab 304 tanpa diminta');
  return {
    ...meta,
    content: page.text,
    name: url,
    format: /html/i.test(page.contentType) ? 'html' : 'auto',
    url: meta.url ?? page.url,
    sourceKind: 'url',
  };
}

/** The fetch's own words, and what to do about it. */
function explain(err: FetchError): string {
  if (err.code === 'timeout' || err.code === 'network')
    return `${err.message}. Periksa jaringan, atau simpan halamannya sebagai .html lalu jalankan ingest pada berkas itu.`;
  if (err.code === 'private')
    return `${err.message}. Untuk situs di jaringan sendiri (mis. server uji), jalankan dengan --allow-private atau INTAKE_WATCH_ALLOW_PRIVATE=1.`;
  if (err.code === 'certificate')
    return `${err.message}. Untuk sertifikat dari CA sendiri (intranet), jalankan dengan NODE_EXTRA_CA_CERTS=berkas-ca.pem.`;
  return err.message;
}
