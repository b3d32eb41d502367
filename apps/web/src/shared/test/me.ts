import { type Me, permissionsOf, type Role } from '@portal/contracts';

const text = (ja: string, en: string) => ({ ja, en });

const unit = {
  id: 'unit-1',
  code: 'aoba-1-1-1',
  kind: 'section' as const,
  name: text('総務係', 'General Affairs Section'),
};

/** `GET /api/me` of demo-staff (若林 翼), or of someone with other roles. */
export function meFixture(roles: Role[] = ['staff']): Me {
  return {
    staff: {
      id: 'staff-1',
      employeeNumber: '100001',
      name: '若林 翼',
      nameKana: 'ワカバヤシ ツバサ',
      nameEn: 'Tsubasa Wakabayashi',
      jobFamily: { id: 'jf-1', code: 'admin', name: text('行政', 'Administration') },
      current: {
        id: 'assignment-1',
        orgUnit: unit,
        orgPath: [unit],
        grade: { id: 'grade-1', code: 'shuji', rank: 1, name: text('主事', 'Clerk') },
        post: null,
        isHead: false,
        startsOn: '2024-04-01',
        endsOn: null,
      },
      loginId: 'demo-staff',
      email: null,
      hireDate: '2024-04-01',
      disabled: false,
      hrAdmin: false,
      assignments: [],
      supervisors: [],
      promotionRoles: [],
      version: 1,
    },
    roles,
    permissions: permissionsOf(roles),
    teamUnits: [],
    bureaus: [],
    session: { expiresAt: '2030-01-01T00:00:00.000Z', idleTimeoutSeconds: 1800 },
    account: { mfaEnabled: false, mfaRequired: false, stage: 'full', mail: false },
  };
}
