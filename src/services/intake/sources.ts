// Where articles come from on the command line: files, folders (recursively) and URLs. Files
// over the limit are refused before they are read; URLs are fetched with a timeout and a byte
// cap, and a failed fetch says what to do instead (save the page and take the file in).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { MAX_INPUT_BYTES } from '../../extract/source.ts';
import { AppError } from '../errors.ts';
import type { IntakeInput } from './prepare.ts';

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

export async function fetchUrlInput(
  url: string,
  meta: Partial<IntakeInput> = {},
  timeoutMs = 20_000,
): Promise<IntakeInput> {
  let res: Response;
  try {
    res = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'follow',
      headers: { 'user-agent': 'Prestasi news intake', accept: 'text/html, application/xml, text/plain' },
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why =
      (err as Error).name === 'TimeoutError'
        ? `tidak ada jawaban dalam ${Math.round(timeoutMs / 1000)} detik`
        : (cause?.code ?? cause?.message ?? (err as Error).message);
    throw new AppError(
      'bad_request',
      `Tidak bisa diambil (${why}). Periksa jaringan, atau simpan halamannya sebagai .html lalu jalankan ingest pada berkas itu.`,
    );
  }
  if (!res.ok) throw new AppError('bad_request', `Server menjawab HTTP ${res.status}`);
  const bytes = await readCapped(res);
  const type = res.headers.get('content-type') ?? '';
  return {
    ...meta,
    content: bytes,
    name: url,
    format: /html/i.test(type) ? 'html' : 'auto',
    url: meta.url ?? res.url ?? url,
    sourceKind: 'url',
  };
}

/** Reads at most the limit (plus one byte, so prepareInput reports it as too large). */
async function readCapped(res: Response): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_INPUT_BYTES)
    throw new AppError('payload_too_large', `${declared} byte, batasnya ${MAX_INPUT_BYTES} byte per artikel`);
  if (!res.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.length;
    if (total > MAX_INPUT_BYTES) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks);
}
