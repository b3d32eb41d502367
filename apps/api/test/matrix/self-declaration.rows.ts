/**
 * 自己申告: rounds (read, open, change), a round's people, progress and export, declarations (read,
 * save, submit) and the experience map. `prepare` opens a round for everyone and an upcoming one, and
 * gives demoStaff and demoStaffOther a declaration each whose 配慮事項 carry a marker: only the person,
 * their 所属長 and HR may ever receive it (`sensitiveMarker` must be out of every other answer).
 */
import { today } from '../../src/access/access.ts';
import { createSelfDeclarationRepository } from '../../src/features/self-declaration/self-declaration.repository.ts';
import { TEST_SENSITIVE_KEYS } from '../sensitive-keys.ts';
import type { MatrixRows, Who } from './types.ts';

const expect = (e: Omit<Record<Who, number>, 'anon'>): Record<Who, number> => ({ anon: 401, ...e });
const shift = (days: number) => new Date(today().getTime() + days * 86_400_000);
const HR_ONLY = expect({ staff: 403, supervisor: 403, staffOther: 403, bureau: 403, hr: 200, exec: 403 });
const MARKER = '配慮事項マトリクス用マーカー';
const roundBody = {
  fiscalYear: 2026,
  title: { ja: '行列の回', en: 'Matrix round' },
  opensOn: shift(-1).toISOString().slice(0, 10),
  closesOn: shift(10).toISOString().slice(0, 10),
};

export const selfDeclarationRows: MatrixRows = {
  async prepare(db, t) {
    const round = async (title: string, opens: number, closes: number) =>
      (
        await db.selfDeclarationRound.create({
          data: {
            fiscalYear: 2026,
            titleJa: title,
            titleEn: title,
            opensOn: shift(opens),
            closesOn: shift(closes),
          },
          select: { id: true },
        })
      ).id;
    const openRound = await round('行列の自己申告', -2, 10);
    const upcomingRound = await round('行列の予定の回', 5, 20);
    for (const staffId of [t.demoStaff ?? '', t.demoStaffOther ?? '']) {
      const d = await db.selfDeclaration.create({
        data: { roundId: openRound, staffId, reflection: '行列の振り返り' },
        select: { id: true },
      });
      await db.$transaction((tx) =>
        createSelfDeclarationRepository(TEST_SENSITIVE_KEYS).upsertConsideration(tx, d.id, {
          health: MARKER,
          care: '',
          family: '',
        }),
      );
    }
    // 青葉区's people today, counted apart from the route's SQL: its answer to HR must carry this count
    const aoba = await db.orgUnit.findUniqueOrThrow({ where: { code: 'aoba' }, select: { id: true } });
    const day = today();
    const people = await db.staff.count({
      where: {
        disabledAt: null,
        assignments: {
          some: {
            orgUnit: { bureauId: aoba.id },
            startsOn: { lte: day },
            OR: [{ endsOn: null }, { endsOn: { gte: day } }],
          },
        },
      },
    });
    return {
      openRound,
      upcomingRound,
      sensitiveMarker: MARKER,
      sdPopulationBureau: aoba.id,
      sdPopulationCount: `"count":${people},`,
    };
  },
  rows: [
    {
      method: 'GET',
      route: '/api/self-declaration-rounds',
      url: () => '/api/self-declaration-rounds?pageSize=100',
      expect: expect({ staff: 200, supervisor: 200, staffOther: 200, bureau: 200, hr: 200, exec: 200 }),
      returns: {
        staff: { in: ['openRound'], out: ['upcomingRound'] },
        bureau: { in: ['openRound'], out: ['upcomingRound'] },
        exec: { in: ['openRound'], out: ['upcomingRound'] },
        hr: { in: ['openRound', 'upcomingRound'] },
      },
    },
    {
      method: 'POST',
      route: '/api/self-declaration-rounds',
      url: () => '/api/self-declaration-rounds',
      body: roundBody,
      expect: expect({ staff: 403, supervisor: 403, staffOther: 403, bureau: 403, hr: 201, exec: 403 }),
    },
    {
      method: 'GET',
      route: '/api/self-declaration-rounds/population-count',
      url: (t) => `/api/self-declaration-rounds/population-count?bureauIds=${t.sdPopulationBureau}`,
      expect: HR_ONLY,
      returns: {
        hr: { in: ['sdPopulationCount'] },
        staff: { out: ['sdPopulationCount'] },
        bureau: { out: ['sdPopulationCount'] },
        exec: { out: ['sdPopulationCount'] },
      },
    },
    {
      method: 'GET',
      route: '/api/self-declaration-rounds/{id}',
      url: (t) => `/api/self-declaration-rounds/${t.openRound}`,
      expect: expect({ staff: 200, supervisor: 200, staffOther: 200, bureau: 200, hr: 200, exec: 200 }),
    },
    {
      method: 'GET',
      route: '/api/self-declaration-rounds/{id}',
      url: (t) => `/api/self-declaration-rounds/${t.upcomingRound}`,
      expect: expect({ staff: 404, supervisor: 404, staffOther: 404, bureau: 404, hr: 200, exec: 404 }),
    },
    {
      method: 'PUT',
      route: '/api/self-declaration-rounds/{id}',
      url: (t) => `/api/self-declaration-rounds/${t.upcomingRound}`,
      body: {
        ...roundBody,
        opensOn: shift(5).toISOString().slice(0, 10),
        closesOn: shift(20).toISOString().slice(0, 10),
        version: 1,
      },
      expect: HR_ONLY,
    },
    {
      method: 'GET',
      route: '/api/self-declaration-rounds/{id}/declarations',
      url: (t) => `/api/self-declaration-rounds/${t.openRound}/declarations?pageSize=100`,
      expect: expect({ staff: 200, supervisor: 200, staffOther: 200, bureau: 200, hr: 200, exec: 200 }),
      returns: {
        staff: { in: ['demoStaff'], out: ['demoStaffOther', 'sensitiveMarker'] },
        supervisor: { in: ['demoStaff'], out: ['demoStaffOther', 'sensitiveMarker'] },
        staffOther: { in: ['demoStaffOther'], out: ['demoStaff', 'sensitiveMarker'] },
        bureau: { out: ['demoStaff', 'demoStaffOther', 'sensitiveMarker'] },
        exec: { out: ['demoStaff', 'demoStaffOther', 'sensitiveMarker'] },
        hr: { out: ['sensitiveMarker'] },
      },
    },
    {
      method: 'GET',
      route: '/api/self-declaration-rounds/{id}/progress',
      url: (t) => `/api/self-declaration-rounds/${t.openRound}/progress`,
      expect: HR_ONLY,
      returns: { hr: { out: ['sensitiveMarker'] } },
    },
    {
      method: 'GET',
      route: '/api/self-declaration-rounds/{id}/export',
      url: (t) => `/api/self-declaration-rounds/${t.openRound}/export?format=csv`,
      expect: HR_ONLY,
      returns: { hr: { out: ['sensitiveMarker'] } },
    },
    {
      method: 'GET',
      route: '/api/self-declaration-rounds/{id}/export',
      url: (t) => `/api/self-declaration-rounds/${t.openRound}/export?format=csv&sensitive=true`,
      expect: HR_ONLY,
      returns: { hr: { in: ['sensitiveMarker'] } },
    },
    {
      method: 'GET',
      route: '/api/staff/{id}/self-declarations/{roundId}',
      url: (t) => `/api/staff/${t.demoStaff}/self-declarations/${t.openRound}`,
      expect: expect({ staff: 200, supervisor: 200, staffOther: 404, bureau: 404, hr: 200, exec: 404 }),
      returns: {
        staff: { in: ['sensitiveMarker'] },
        supervisor: { in: ['sensitiveMarker'] },
        hr: { in: ['sensitiveMarker'] },
        bureau: { out: ['sensitiveMarker'] },
        exec: { out: ['sensitiveMarker'] },
      },
    },
    {
      method: 'GET',
      route: '/api/staff/{id}/self-declarations/{roundId}',
      url: (t) => `/api/staff/${t.demoStaffOther}/self-declarations/${t.openRound}`,
      // demo-bureau is 総務局's officer, not demo-staff-other's 所属長
      expect: expect({ staff: 404, supervisor: 404, staffOther: 200, bureau: 404, hr: 200, exec: 404 }),
      returns: { staffOther: { in: ['sensitiveMarker'] }, bureau: { out: ['sensitiveMarker'] } },
    },
    {
      method: 'PUT',
      route: '/api/staff/{id}/self-declarations/{roundId}',
      url: (t) => `/api/staff/${t.demoStaff}/self-declarations/${t.openRound}`,
      body: { reflection: '書き直した振り返り', version: 1 },
      expect: expect({ staff: 200, supervisor: 403, staffOther: 404, bureau: 404, hr: 403, exec: 404 }),
    },
    {
      method: 'POST',
      route: '/api/staff/{id}/self-declarations/{roundId}/submit',
      url: (t) => `/api/staff/${t.demoStaff}/self-declarations/${t.openRound}/submit`,
      body: { version: 2 },
      expect: expect({ staff: 200, supervisor: 403, staffOther: 404, bureau: 404, hr: 403, exec: 404 }),
    },
    {
      method: 'POST',
      route: '/api/staff/{id}/self-declarations/{roundId}/interview',
      url: (t) => `/api/staff/${t.demoStaff}/self-declarations/${t.openRound}/interview`,
      body: { heldOn: today().toISOString().slice(0, 10), opinion: '所属長の意見', version: 3 },
      expect: expect({ staff: 403, supervisor: 200, staffOther: 404, bureau: 404, hr: 403, exec: 404 }),
    },
    {
      method: 'GET',
      route: '/api/staff/{id}/experience-map',
      url: (t) => `/api/staff/${t.demoStaff}/experience-map`,
      expect: expect({ staff: 200, supervisor: 200, staffOther: 404, bureau: 404, hr: 200, exec: 403 }),
    },
    {
      method: 'GET',
      route: '/api/staff/{id}/experience-map',
      url: (t) => `/api/staff/${t.demoStaffOther}/experience-map`,
      expect: expect({ staff: 404, supervisor: 404, staffOther: 200, bureau: 200, hr: 200, exec: 403 }),
    },
    {
      method: 'GET',
      route: '/api/experience-map',
      url: () => '/api/experience-map?years=10&bureausBelow=2&pageSize=10',
      expect: HR_ONLY,
    },
  ],
};
