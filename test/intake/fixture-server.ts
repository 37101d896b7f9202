import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local news site on 127.0.0.1 (port 0) for the watcher's tests: routes are set per test, the
// server answers conditional GETs by ETag when a route asks for it, and logs every request with
// its time so politeness can be checked. Never the internet.

export interface Route {
  status?: number;
  type?: string;
  body?: string | Uint8Array;
  /** Answer 304 to a matching If-None-Match (the ETag is the body's hash). */
  etag?: boolean;
  /** Never answer (a timeout). */
  hang?: boolean;
  /** Fail this many times with 503 before answering. */
  failFirst?: number;
  /** Declare this Content-Length instead of the real one. */
  lieLength?: number;
  /** More response headers (Content-Encoding, Location …). */
  headers?: Record<string, string>;
}

export interface Hit {
  path: string;
  at: number;
  ifNoneMatch: string | null;
  status: number;
}

export class FixtureSite {
  readonly routes = new Map<string, Route>();
  readonly hits: Hit[] = [];
  private server!: Server;
  private readonly hanging = new Set<ServerResponse>();
  base = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.answer(req, res));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  url = (path: string) => `${this.base}${path}`;

  private answer(req: IncomingMessage, res: ServerResponse) {
    const path = req.url ?? '/';
    const route = this.routes.get(path);
    const hit: Hit = {
      path,
      at: Date.now(),
      ifNoneMatch: (req.headers['if-none-match'] as string) ?? null,
      status: 0,
    };
    this.hits.push(hit);
    const send = (status: number, headers: Record<string, string | number>, body?: string | Uint8Array) => {
      hit.status = status;
      res.writeHead(status, headers);
      res.end(body);
    };
    if (!route) return send(404, { 'content-type': 'text/plain' }, 'not found');
    if (route.hang) {
      this.hanging.add(res);
      return;
    }
    if (route.failFirst) {
      route.failFirst--;
      return send(503, { 'content-type': 'text/plain' }, 'busy');
    }
    const body = route.body ?? '';
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (route.etag && hit.ifNoneMatch === etag) return send(304, { etag });
    const headers: Record<string, string | number> = {
      'content-type': route.type ?? 'text/html; charset=utf-8',
    };
    if (route.etag) headers.etag = etag;
    if (route.lieLength !== undefined) headers['content-length'] = route.lieLength;
    Object.assign(headers, route.headers);
    send(route.status ?? 200, headers, body);
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
