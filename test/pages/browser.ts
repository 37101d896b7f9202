import type { TestApp } from '../support/app.ts';

// A tiny cookie-keeping client for page tests without a browser: GET pages, post forms,
// and read the CSRF token the page carries, the way a browser would.

export function pageClient(t: TestApp) {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      const expired = attrs.some((a) => /max-age=0|expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') jar.delete(name.trim());
      else jar.set(name.trim(), value);
    }
  };
  async function request(method: string, path: string, form?: Record<string, string> | FormData) {
    const headers: Record<string, string> = { cookie: cookieHeader(), origin: 'http://localhost' };
    let body: BodyInit | undefined;
    if (form instanceof FormData) body = form;
    else if (form) {
      body = new URLSearchParams(form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await t.app.request(path, { method, headers, body });
    keep(res);
    const html = await res.text();
    return { status: res.status, html, location: res.headers.get('location'), headers: res.headers };
  }
  const client = {
    jar,
    get: (path: string) => request('GET', path),
    post: (path: string, form: Record<string, string> | FormData) => request('POST', path, form),
    /** The session's CSRF token, as the layout puts it in <meta name="csrf-token">. */
    async csrf(): Promise<string> {
      const { html } = await request('GET', '/kerja');
      const m = /<meta name="csrf-token" content="([^"]+)"/.exec(html);
      if (!m) throw new Error('no csrf token on the page: not signed in?');
      return m[1];
    },
    async signIn(who: string) {
      const { html } = await request('GET', '/masuk');
      const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
      const res = await request('POST', '/masuk', {
        _csrf: token,
        email: `${who}@example.go.id`,
        password: t.passwords[who],
        ke: '',
      });
      if (res.status !== 303) throw new Error(`sign-in failed: ${res.status} ${res.html.slice(0, 300)}`);
      return client;
    },
  };
  return client;
}
