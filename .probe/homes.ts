import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/http/server.ts';
import { spread } from '../scripts/bench/lib/spread.ts';
const url = 'postgres://postgres@127.0.0.1:5432/prestasi_lead_tenants_50';
const server = await startServer({ ...loadConfig({}), databaseUrl: url, port: 0, logLevel: 'silent' }, { host: '127.0.0.1' });
const base = server.url;
const pg = (await import('pg')).default;
const c = new pg.Client({ connectionString: url }); await c.connect();
const regions = (await c.query('select id from regions order by id')).rows.map((r: any) => { const s = String(r.id); return s.length > 2 ? `${s.slice(0, 2)}.${s.slice(2)}` : s; });
await c.end();
const homes = regions.map((r) => `${base}/wilayah/${r}`);
const seq = async (label: string) => {
  const ts: number[] = [];
  for (const u of homes) { const t = performance.now(); const r = await fetch(u); await r.arrayBuffer(); ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b);
  console.log(label, 'sequential p50', ts[ts.length >> 1].toFixed(1), 'p95', ts[Math.floor(ts.length * 0.95)].toFixed(1));
};
await seq('cold');
await seq('warm1');
await seq('warm2');
for (let i = 0; i < 3; i++) console.log('once', JSON.stringify(await spread(homes, { seconds: 0, connections: 20, once: true })));
console.log('timed', JSON.stringify(await spread(homes, { seconds: 3, connections: 20 })));
await server.close();
process.exit(0);
