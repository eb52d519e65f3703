import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertUser,
  loginAs,
  sessionCookieOf,
  testApp,
  testPassword,
  type TestApp,
} from '../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({
    LOGIN_MAX_FAILURES: '3',
    LOGIN_LOCK_MINUTES: '15',
    SESSION_IDLE_MINUTES: '60',
  });
});
afterAll(async () => {
  await t.close();
});

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

describe('login', () => {
  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const user = await insertUser(t.database, { role: 'district', regionCode: '5301' });
    const wrong = await login(user.email, 'not the password');
    const unknown = await login('nobody@test.tumbuh.id', 'whatever');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(unknown.json().error.code).toBe('invalid_credentials');
    expect(wrong.cookies).toEqual([]);
  });

  it('answers in Indonesian by default and in English when asked', async () => {
    const id = await login('nobody@test.tumbuh.id', 'x');
    const en = await login('nobody@test.tumbuh.id', 'x', { 'accept-language': 'en-US,en;q=0.9' });
    expect(id.json().error.message).toBe('Email atau kata sandi salah');
    expect(en.json().error.message).toBe('Wrong email or password');
    expect(id.json().error.requestId).toBe(id.headers['x-request-id']);
  });

  it('sets an HttpOnly SameSite session cookie and returns the user and a CSRF token', async () => {
    const user = await insertUser(t.database, {
      role: 'kader',
      regionCode: '5301042003',
      email: 'Kader.Otan@test.tumbuh.id'.toLowerCase(),
    });
    const response = await login('KADER.OTAN@test.tumbuh.id', testPassword);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'tumbuh_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const body = response.json();
    expect(body.user).toMatchObject({
      id: user.id,
      role: 'kader',
      regionCode: '5301042003',
      regionName: 'Bokonusan',
    });
    expect(body.user).not.toHaveProperty('password_hash');
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const session = await t.app.inject({
      url: '/api/auth/session',
      headers: { cookie: sessionCookieOf(response) },
    });
    expect(session.json().user.id).toBe(user.id);
  });

  it('locks the account after repeated failures, even for the right password, until the lock expires', async () => {
    const user = await insertUser(t.database, { role: 'puskesmas', regionCode: '530104' });
    expect((await login(user.email, 'wrong-1')).statusCode).toBe(401);
    expect((await login(user.email, 'wrong-2')).statusCode).toBe(401);
    const third = await login(user.email, 'wrong-3');
    expect(third.statusCode).toBe(423);
    expect(third.json().error.code).toBe('account_locked');
    expect((await login(user.email, testPassword)).statusCode).toBe(423);
    const lockAudit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.locked')
      .where('entity_id', '=', user.id)
      .execute();
    expect(lockAudit).toHaveLength(1);
    t.clock.advanceMinutes(16);
    expect((await login(user.email, testPassword)).statusCode).toBe(200);
  });

  it('is rate limited per client', async () => {
    const limited = await testApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const attempt = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'x@test.tumbuh.id', password: 'x' },
        });
      await attempt();
      await attempt();
      const third = await attempt();
      expect(third.statusCode).toBe(429);
      expect(third.json().error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });

  it('rejects malformed and over-long input with a message naming the field', async () => {
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('validation_failed');
    const badEmail = await login('not-an-email', 'x');
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().error.details.field).toBe('body.email');
    const long = await login(`${'a'.repeat(300)}@test.tumbuh.id`, 'x');
    expect(long.statusCode).toBe(400);
    const sqlish = await login("' or 1=1 --@x.id", "' or '1'='1");
    expect([400, 401]).toContain(sqlish.statusCode);
    const health = await t.app.inject({ url: '/healthz' });
    expect(health.statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('expire after the idle time and then give 401', async () => {
    const s = await loginAs(t, 'admin', '53');
    expect(
      (await t.app.inject({ url: '/api/users', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(200);
    t.clock.advanceMinutes(61);
    const expired = await t.app.inject({ url: '/api/users', headers: { cookie: s.cookie } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('unauthenticated');
  });

  it('slide forward while used', async () => {
    const s = await loginAs(t, 'admin', '53');
    for (let i = 0; i < 3; i++) {
      t.clock.advanceMinutes(40);
      expect(
        (await t.app.inject({ url: '/api/users', headers: { cookie: s.cookie } })).statusCode,
      ).toBe(200);
    }
  });

  it('end at logout', async () => {
    const s = await loginAs(t, 'village', '5301042003');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(200);
    const after = await t.app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } });
    expect(after.json().user).toBeNull();
  });
});

describe('CSRF', () => {
  it('rejects a write without the session token, and one with a wrong token', async () => {
    const s = await loginAs(t, 'admin', '53');
    const payload = {
      email: 'new.bidan@test.tumbuh.id',
      name: 'Bidan Baru',
      role: 'village',
      regionCode: '5301042003',
    };
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload,
      headers: { cookie: s.cookie },
    });
    expect(none.statusCode).toBe(403);
    expect(none.json().error.code).toBe('csrf_invalid');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload,
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(32) },
    });
    expect(wrong.statusCode).toBe(403);
    const users = await t.database.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', payload.email)
      .execute();
    expect(users).toEqual([]);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload,
      headers: s.headers,
    });
    expect(right.statusCode).toBe(201);
  });
});

describe('users and region scope', () => {
  it('lets an admin create a user inside the scope, with a one-time password that must be changed', async () => {
    const admin = await loginAs(t, 'admin', '5301');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        email: 'bidan.otan@test.tumbuh.id',
        name: '<script>alert(1)</script> Bidan',
        role: 'village',
        regionCode: '53.01.04.2003',
      },
    });
    expect(created.statusCode).toBe(201);
    const { user, oneTimePassword } = created.json();
    expect(user).toMatchObject({ regionCode: '5301042003', role: 'village' });
    expect(oneTimePassword).toMatch(/^\w{16}$/);
    // The name is stored as text; it is the web's job to render it inert (React escapes it).
    expect(user.name).toBe('<script>alert(1)</script> Bidan');

    const first = await login('bidan.otan@test.tumbuh.id', oneTimePassword);
    expect(first.json().user.mustChangePassword).toBe(true);
    const headers = { cookie: sessionCookieOf(first), 'x-csrf-token': first.json().csrfToken };
    const blocked = await t.app.inject({ url: '/api/audit', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.details.reason).toBe('must_change_password');
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers,
      payload: { currentPassword: oneTimePassword, newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.field).toBe('body.newPassword');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers,
      payload: { currentPassword: oneTimePassword, newPassword: 'a much longer password' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/audit', headers })).statusCode).toBe(200);
    expect((await login('bidan.otan@test.tumbuh.id', oneTimePassword)).statusCode).toBe(401);
  });

  it('denies an admin of one kabupaten a user in another (403) and writes nothing', async () => {
    const admin = await loginAs(t, 'admin', '5301');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        email: 'outside@test.tumbuh.id',
        name: 'Outside',
        role: 'district',
        regionCode: '5302',
      },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('region_forbidden');
    expect(
      await t.database.db
        .selectFrom('app_user')
        .select('id')
        .where('email', '=', 'outside@test.tumbuh.id')
        .execute(),
    ).toEqual([]);
  });

  it("denies a district user another district's region with 403, and allows its own", async () => {
    const district = await loginAs(t, 'district', '5301');
    const own = await t.app.inject({
      url: '/api/audit?region=530104',
      headers: { cookie: district.cookie },
    });
    expect(own.statusCode).toBe(200);
    const other = await t.app.inject({
      url: '/api/audit?region=5302',
      headers: { cookie: district.cookie },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toMatchObject({
      code: 'region_forbidden',
      message: 'Wilayah 5302 di luar cakupan akun Anda',
    });
    const province = await t.app.inject({
      url: '/api/audit?region=53',
      headers: { cookie: district.cookie },
    });
    expect(province.statusCode).toBe(403);
  });

  it('rejects a role at the wrong region level, an unknown region and a taken email, clearly', async () => {
    const admin = await loginAs(t, 'admin', '53');
    const post = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload });
    const level = await post({
      email: 'k1@test.tumbuh.id',
      name: 'K',
      role: 'kader',
      regionCode: '5301',
    });
    expect(level.statusCode).toBe(400);
    expect(level.json().error.details.field).toBe('regionCode');
    const noPosyandu = await post({
      email: 'k5@test.tumbuh.id',
      name: 'K',
      role: 'kader',
      regionCode: '5301042003',
    });
    expect(noPosyandu.statusCode).toBe(400);
    expect(noPosyandu.json().error.details.field).toBe('posyanduId');
    const unknown = await post({
      email: 'k2@test.tumbuh.id',
      name: 'K',
      role: 'district',
      regionCode: '5399',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('region_not_found');
    const badCode = await post({
      email: 'k3@test.tumbuh.id',
      name: 'K',
      role: 'district',
      regionCode: '53xx',
    });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.details.field).toBe('body.regionCode');
    const long = await post({
      email: 'k4@test.tumbuh.id',
      name: 'N'.repeat(121),
      role: 'district',
      regionCode: '5301',
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details.field).toBe('body.name');
    await post({ email: 'twice@test.tumbuh.id', name: 'T', role: 'district', regionCode: '5301' });
    const twice = await post({
      email: 'twice@test.tumbuh.id',
      name: 'T',
      role: 'district',
      regionCode: '5301',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('email_taken');
  });

  it('writes an audit row for every write, with who and what', async () => {
    const admin = await loginAs(t, 'admin', '53');
    await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { email: 'audited@test.tumbuh.id', name: 'A', role: 'editor', regionCode: '53' },
    });
    const audit = await t.app.inject({
      url: '/api/audit?limit=50',
      headers: { cookie: admin.cookie },
    });
    const items = audit.json().items as {
      action: string;
      actorId: string;
      after: { email?: string } | null;
    }[];
    const created = items.find(
      (i) => i.action === 'user.created' && i.after?.email === 'audited@test.tumbuh.id',
    );
    expect(created?.actorId).toBe(admin.userId);
    expect(items.some((i) => i.action === 'auth.login' && i.actorId === admin.userId)).toBe(true);
  });

  it('answers 401 to anonymous requests for users and the audit log', async () => {
    expect((await t.app.inject({ url: '/api/users' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/users', payload: {} })).statusCode,
    ).toBe(400);
  });
});
