import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type RunningServer, startServer } from '../../src/http/server.ts';
import { createEmptyDatabaseUrl, dropDatabaseUrl } from '../support/db.ts';

// The size limit over a real socket: a declared Content-Length is judged from the header, a
// chunked body as it streams; both over the limit are a 413 with the JSON error, and requests
// without a body never pay for the check.

describe('request body limit on a real server', () => {
  let url: string;
  let server: RunningServer;
  const limit = 1024 + 64 * 1024; // MAX_UPLOAD 1 KB + the allowance for form fields
  beforeAll(async () => {
    url = await createEmptyDatabaseUrl();
    server = await startServer(
      { ...loadConfig({}), databaseUrl: url, port: 0, maxUploadBytes: 1024, logLevel: 'silent' },
      { host: '127.0.0.1' },
    );
  });
  afterAll(async () => {
    await server.close();
    await dropDatabaseUrl(url);
  });

  const grade = (body: BodyInit, extra: RequestInit = {}) =>
    fetch(`${server.url}/api/v1/grade`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      ...extra,
    });
  const json = (score: number, pad: number) =>
    JSON.stringify({ scale: 'ombudsman-kepatuhan', year: 2024, score, note: 'x'.repeat(pad) });

  it('refuses a declared length over the limit with 413 and says the limit', async () => {
    const res = await grade(json(94.76, limit + 10));
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.error.code).toBe('payload_too_large');
    expect(body.error.message).toContain('terlalu besar');
  });

  it('refuses a chunked body once it grows past the limit', async () => {
    const text = new TextEncoder().encode(json(94.76, limit + 10));
    const stream = new ReadableStream({
      start(ctrl) {
        for (let i = 0; i < text.length; i += 16_384) ctrl.enqueue(text.subarray(i, i + 16_384));
        ctrl.close();
      },
    });
    const res = await grade(stream, { duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('lets a body under the limit through, declared or chunked', async () => {
    expect((await grade(json(94.76, 10))).status).not.toBe(413);
    const small = new TextEncoder().encode(json(94.76, 10));
    const stream = new ReadableStream({
      start(ctrl) {
        ctrl.enqueue(small);
        ctrl.close();
      },
    });
    expect((await grade(stream, { duplex: 'half' } as RequestInit)).status).not.toBe(413);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
