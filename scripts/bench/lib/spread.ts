import { spawn } from 'node:child_process';

// A load of many URLs at once: `connections` clients, each walking the list from its own
// offset (so concurrent requests ask for different regions), for `seconds` or (`once`) for
// one shared pass over the list, in a process of its own so that
// it does not share the measured server's event loop. Latency per request, in milliseconds.
// A request is a URL, or a URL with its headers (a signed-in client's token). Each client
// opens its connection with one untimed request to the server's /healthz first: a one-pass
// run asks most URLs on a connection's first request, and the client's own start (a new
// process, a new connection, cold code) would otherwise be timed as the server's.

export interface SpreadLoad {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers other than 2xx/3xx, and requests that failed outright. */
  failures: number;
}

const CLIENT = `
const { urls, connections, seconds, once } = JSON.parse(process.argv[1]);
const times = [];
let failures = 0;
const end = Date.now() + seconds * 1000;
let next = 0;
async function client(k) {
  let i = Math.floor((k * urls.length) / connections);
  const first = urls[i % urls.length];
  for (let w = 0; w < 10; w++)
    try {
      await (await fetch(new URL('/healthz', typeof first === 'string' ? first : first[0]))).arrayBuffer();
    } catch {}
  // once: the clients share one pass over the list, each URL asked exactly once.
  while (once ? next < urls.length : Date.now() < end) {
    const item = once ? urls[next++] : urls[i++ % urls.length];
    const [url, headers] = typeof item === 'string' ? [item, {}] : item;
    const t = performance.now();
    try {
      const res = await fetch(url, { redirect: 'manual', headers });
      await res.arrayBuffer();
      if (res.status >= 400) failures++;
    } catch { failures++; }
    times.push(performance.now() - t);
  }
}
Promise.all(Array.from({ length: connections }, (_, k) => client(k))).then(() => {
  times.sort((a, b) => a - b);
  const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  process.stdout.write(JSON.stringify({ requests: times.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), failures }));
});
`;

/** A URL, or a URL with the headers to send. */
export type SpreadRequest = string | [string, Record<string, string>];

export async function spread(
  urls: SpreadRequest[],
  opts: { seconds: number; connections: number; once?: boolean },
): Promise<SpreadLoad> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      CLIENT,
      JSON.stringify({
        urls,
        connections: opts.connections,
        seconds: opts.seconds,
        once: opts.once ?? false,
      }),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`load client failed: ${err}`);
  const r = JSON.parse(out) as SpreadLoad;
  const round = (x: number) => Math.round(x * 10) / 10;
  return { ...r, p50: round(r.p50), p95: round(r.p95), p99: round(r.p99) };
}
