import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

// The login throttle under concurrency: attempts are counted before the password check, so a
// burst of parallel guesses gets no more tries than a patient attacker (5 per 15 minutes).

describe('login throttling holds under parallel attempts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  // Requests without a socket all come from client "local": start each test with a clean count.
  beforeEach(() => t.db.db.deleteFrom('login_attempts').execute());

  const login = (password: string) =>
    t.call('public', 'POST', '/api/v1/auth/login', { email: 'viewer@example.go.id', password });

  it('lets at most 5 of 100 parallel wrong passwords be tried; the rest get 429', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => login(`tebakan-${i}-salah`)));
    const tried = answers.filter((a) => a.status === 401).length;
    const throttled = answers.filter((a) => a.status === 429);
    expect(tried).toBeLessThanOrEqual(5);
    expect(tried + throttled.length).toBe(100);
    expect(throttled[0].json.error.message).toMatch(/coba lagi dalam \d+ menit/);
    // The account stays locked afterwards, even for the right password.
    expect((await login(t.passwords.viewer)).status).toBe(429);
  });

  it('does not let the right password through at the end of 30 parallel attempts', async () => {
    const passwords = [...Array.from({ length: 29 }, (_, i) => `tebakan-${i}-salah`), t.passwords.viewer];
    const answers = await Promise.all(passwords.map(login));
    expect(answers.map((a) => a.status)).not.toContain(200);
    expect(answers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(5);
  });

  it('still signs in with the right password after a few wrong ones, and that clears the count', async () => {
    for (let i = 0; i < 4; i++) expect((await login(`salah-${i}-salah`)).status).toBe(401);
    expect((await login(t.passwords.viewer)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(`salah-lagi-${i}`)).status).toBe(401);
    expect((await login(t.passwords.viewer)).status).toBe(200);
  });
});
