/** Identity, organisation, sign-in, audit and roster import. */
import { all, type MatrixRows, scoped } from './types.ts';

export const identityRows: MatrixRows = {
  async prepare(db, t) {
    const staff = await db.staff.findUniqueOrThrow({
      where: { id: t.demoStaff ?? '' },
      select: { version: true },
    });
    return { demoStaffVersion: String(staff.version) };
  },
  rows: [
    { method: 'GET', route: '/api/health', url: () => '/api/health', expect: all(200, 200) },
    {
      method: 'GET',
      route: '/api/auth/demo-accounts',
      url: () => '/api/auth/demo-accounts',
      expect: all(200, 200),
    },
    // sign-in methods; single sign-on is not configured in these runs (its own tests start a provider)
    { method: 'GET', route: '/api/auth/providers', url: () => '/api/auth/providers', expect: all(200, 200) },
    {
      method: 'GET',
      route: '/api/auth/oidc/login',
      url: () => '/api/auth/oidc/login',
      expect: all(404, 404),
    },
    {
      method: 'GET',
      route: '/api/auth/oidc/callback',
      url: () => '/api/auth/oidc/callback?code=x&state=y',
      expect: all(404, 404),
    },
    {
      method: 'GET',
      route: '/api/auth/oidc/logout',
      url: () => '/api/auth/oidc/logout',
      expect: all(302, 302),
    },
    { method: 'GET', route: '/api/me', url: () => '/api/me', expect: all(200) },
    { method: 'GET', route: '/api/policy', url: () => '/api/policy', expect: all(200) },
    { method: 'GET', route: '/api/org-units', url: () => '/api/org-units', expect: all(200) },
    {
      method: 'GET',
      route: '/api/staff',
      url: () => '/api/staff?pageSize=100',
      expect: all(200),
      returns: {
        staff: { in: ['demoStaff'], out: ['teamMate', 'demoStaffOther'] },
        supervisor: { in: ['demoStaff', 'teamMate'], out: ['demoStaffOther'] },
        staffOther: { in: ['demoStaffOther'], out: ['demoStaff', 'teamMate'] },
        bureau: { in: ['demoStaffOther'], out: ['demoStaff', 'teamMate'] },
      },
    },
    {
      // account states are HR's: the filter is refused to everyone else
      method: 'GET',
      route: '/api/staff',
      url: () => '/api/staff?account=active&pageSize=100',
      expect: { anon: 401, staff: 403, supervisor: 403, staffOther: 403, bureau: 403, hr: 200, exec: 403 },
      returns: { hr: { in: ['demoStaff'] } },
    },
    {
      method: 'GET',
      route: '/api/staff/{id}',
      url: (t) => `/api/staff/${t.demoStaff}`,
      expect: { anon: 401, staff: 200, supervisor: 200, staffOther: 404, bureau: 404, hr: 200, exec: 200 },
      returns: scoped(['staff', 'supervisor', 'hr', 'exec'], ['demoStaff'], ['demoStaffOther']),
    },
    {
      method: 'GET',
      route: '/api/staff/{id}',
      url: (t) => `/api/staff/${t.demoStaffOther}`,
      expect: { anon: 401, staff: 404, supervisor: 404, staffOther: 200, bureau: 200, hr: 200, exec: 200 },
      returns: scoped(['staffOther', 'bureau', 'hr', 'exec'], ['demoStaffOther'], ['demoStaff']),
    },
    {
      method: 'POST',
      route: '/api/staff/{id}/disable',
      url: (t) => `/api/staff/${t.teamMate}/disable`,
      expect: { anon: 401, staff: 404, supervisor: 403, staffOther: 404, bureau: 404, hr: 200, exec: 403 },
    },
    {
      method: 'POST',
      route: '/api/staff/{id}/enable',
      url: (t) => `/api/staff/${t.teamMate}/enable`,
      expect: { anon: 401, staff: 404, supervisor: 403, staffOther: 404, bureau: 404, hr: 200, exec: 403 },
    },
    {
      // no change (demo-staff holds no administration): HR's answer is the person as they are;
      // before the account rows, which move demo-staff's version
      method: 'PUT',
      route: '/api/staff/{id}/roles',
      url: (t) => `/api/staff/${t.demoStaff}/roles`,
      body: (t: Record<string, string>) => ({ hrAdmin: false, version: Number(t.demoStaffVersion) }),
      expect: { anon: 401, staff: 403, supervisor: 403, staffOther: 404, bureau: 404, hr: 200, exec: 403 },
    },
    {
      method: 'POST',
      route: '/api/auth/mfa',
      url: () => '/api/auth/mfa',
      body: { code: '123456' },
      expect: all(409),
    },
    {
      method: 'POST',
      route: '/api/auth/password',
      url: () => '/api/auth/password',
      body: { token: 'a'.repeat(43), password: 'a long enough passphrase' },
      expect: all(410, 410),
    },
    {
      method: 'POST',
      route: '/api/auth/password-reset',
      url: () => '/api/auth/password-reset',
      body: { loginId: 'nobody-in-the-matrix' },
      expect: all(202, 202),
    },
    {
      method: 'PUT',
      route: '/api/me/password',
      url: () => '/api/me/password',
      body: { currentPassword: 'not-the-password', password: 'a long enough passphrase' },
      expect: all(400),
    },
    { method: 'POST', route: '/api/me/mfa/totp', url: () => '/api/me/mfa/totp', expect: all(200) },
    {
      method: 'PUT',
      route: '/api/me/mfa/totp',
      url: () => '/api/me/mfa/totp',
      body: { code: '000000' },
      expect: all(400),
    },
    { method: 'DELETE', route: '/api/me/mfa/totp', url: () => '/api/me/mfa/totp', expect: all(204) },
    {
      method: 'POST',
      route: '/api/staff/{id}/invitation',
      url: (t) => `/api/staff/${t.teamMate}/invitation`,
      expect: { anon: 401, staff: 404, supervisor: 403, staffOther: 404, bureau: 404, hr: 201, exec: 403 },
    },
    {
      method: 'POST',
      route: '/api/invitations',
      url: () => '/api/invitations',
      body: (t: Record<string, string>) => ({ staffIds: [t.teamMate] }),
      expect: { anon: 401, staff: 403, supervisor: 403, staffOther: 403, bureau: 403, hr: 201, exec: 403 },
    },
    {
      // printed letters: the same decision, a PDF back
      method: 'POST',
      route: '/api/invitations',
      url: () => '/api/invitations?format=pdf',
      body: (t: Record<string, string>) => ({ staffIds: [t.teamMate] }),
      expect: { anon: 401, staff: 403, supervisor: 403, staffOther: 403, bureau: 403, hr: 201, exec: 403 },
    },
    {
      method: 'DELETE',
      route: '/api/staff/{id}/mfa',
      url: (t) => `/api/staff/${t.teamMate}/mfa`,
      expect: { anon: 401, staff: 404, supervisor: 403, staffOther: 404, bureau: 404, hr: 204, exec: 403 },
    },
    {
      method: 'GET',
      route: '/api/audit-log',
      url: () => '/api/audit-log',
      expect: { anon: 401, staff: 403, supervisor: 403, staffOther: 403, bureau: 403, hr: 200, exec: 403 },
    },
    {
      method: 'GET',
      route: '/api/audit-log/export',
      url: () => '/api/audit-log/export?format=csv',
      expect: { anon: 401, staff: 403, supervisor: 403, staffOther: 403, bureau: 403, hr: 200, exec: 403 },
    },
    {
      method: 'POST',
      route: '/api/roster-imports/preview',
      url: () => '/api/roster-imports/preview',
      body: 'employee_number\n',
      expect: { anon: 401, staff: 403, supervisor: 403, staffOther: 403, bureau: 403, hr: 400, exec: 403 },
    },
    {
      method: 'POST',
      route: '/api/roster-imports',
      url: () => `/api/roster-imports?token=${'a'.repeat(64)}`,
      body: 'employee_number\n',
      expect: { anon: 401, staff: 403, supervisor: 403, staffOther: 403, bureau: 403, hr: 409, exec: 403 },
    },
  ],
};
