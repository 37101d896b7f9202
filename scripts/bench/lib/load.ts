import { spawn } from 'node:child_process';

// autocannon in its own process, so it does not share the measured server's event loop.

export interface Load {
  rps: number;
  p50ms: number;
  p99ms: number;
  non2xx: number;
  errors: number;
}

export async function autocannon(
  url: string,
  opts: { seconds: number; connections: number; headers?: Record<string, string>; uniqueIds?: boolean },
): Promise<Load> {
  // -I replaces every [<id>] in the request with a fresh random id: one new URL per request.
  // (Through the API: the command line's -I swallows the URL.)
  const options = {
    url,
    connections: opts.connections,
    duration: opts.seconds,
    headers: opts.headers ?? {},
    idReplacement: opts.uniqueIds ?? false,
  };
  const script = `require('autocannon')(${JSON.stringify(options)}, (e, r) => { if (e) { console.error(String(e)); process.exit(1); } process.stdout.write(JSON.stringify(r)); })`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`autocannon failed: ${err}`);
  const r = JSON.parse(out);
  return {
    rps: Math.round(r.requests.average),
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

export const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
