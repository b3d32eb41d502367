/**
 * Demo 自己申告 (demo mode only): an open round of this 年度 for everyone, with キャリア選択 fields and
 * 庁内公募 posts, and declarations of some people — demo-staff's colleagues in their 係 have submitted
 * theirs (so demo-supervisor has 面談 to hold), others across the city have drafts or submitted ones.
 * Some 面談 are recorded. demo-staff has none yet: they can try the form. Some 配慮事項 are filled in, fictitious like every
 * demo record. Deterministic; does nothing when a round is already there.
 */
import { fiscalYearOf } from '@portal/contracts';
import { inForce, today } from '../../access/access.ts';
import type { Db } from '../client.ts';
import type { DemoSeeder } from './demo-activity.seed.ts';

const DAY = 86_400_000;
const REFLECTIONS = [
  '窓口業務を通じて、制度を分かりやすく説明する力が身に付いた。一方で、繁忙期の業務配分に課題を感じている。',
  '担当事業の見直しに取り組み、関係課との調整の経験を積んだ。今後は企画段階から関わりたい。',
  '現場対応が中心で、市民の声を直接聞けることにやりがいを感じている。',
  '予算・契約事務を一通り経験し、庶務業務の全体像が分かってきた。',
];
const WISHES = [
  '政策の企画・立案に携わる部署で経験を積みたい。',
  '区役所で市民に身近な業務を経験したい。',
  'デジタル化の推進に関わる業務に挑戦したい。',
  '現在の業務をもう一年続け、後輩の育成にも関わりたい。',
];
const VISIONS = [
  '10年後には係長として、現場と企画をつなぐ役割を担いたい。',
  '専門性を高め、分野の第一人者として頼られる職員になりたい。',
  '多様な部署を経験し、市役所全体を見渡せる職員になりたい。',
];

export const demoSelfDeclarationSeeder: DemoSeeder = {
  name: 'self-declaration',
  async seed(db: Db) {
    if (await db.selfDeclarationRound.findFirst({ select: { id: true } })) return;
    const day = today();
    const fiscalYear = fiscalYearOf(day.toISOString().slice(0, 10));
    const units = new Map(
      (
        await db.orgUnit.findMany({
          where: { code: { in: ['somu-1', 'kenkofukushi', 'toshiseibi', 'aoba', 'keizai'] } },
          select: { id: true, code: true },
        })
      ).map((u) => [u.code, u.id]),
    );
    await db.$transaction(async (tx) => {
      const round = await tx.selfDeclarationRound.create({
        data: {
          fiscalYear,
          titleJa: `${fiscalYear - 2018 === 1 ? '令和元' : `令和${fiscalYear - 2018}`}年度 自己申告`,
          titleEn: `FY${fiscalYear} self-declaration`,
          guidance:
            '来年度以降の職務や配置についての希望、キャリアビジョン、配慮が必要な事情を記入してください。配慮事項は本人、所属長と人事担当だけが読みます。',
          opensOn: new Date(day.getTime() - 7 * DAY),
          closesOn: new Date(day.getTime() + 28 * DAY),
          careerFields: {
            create: [
              { position: 0, nameJa: 'DX・デジタル推進', nameEn: 'Digital transformation' },
              { position: 1, nameJa: '防災・減災', nameEn: 'Disaster prevention and mitigation' },
              { position: 2, nameJa: '子育て・福祉', nameEn: 'Child-rearing and welfare' },
              { position: 3, nameJa: '経済・国際交流', nameEn: 'Economy and international exchange' },
            ],
          },
          publicPosts: {
            create: [
              {
                position: 0,
                titleJa: '行政DX推進担当（主任・主事）',
                titleEn: 'Administrative DX (senior staff, staff)',
                orgUnitId: units.get('somu-1') ?? null,
                description: '庁内の業務改革とデジタル化を進める担当。プログラミング経験は問いません。',
                openings: 2,
              },
              {
                position: 1,
                titleJa: 'スタートアップ支援担当',
                titleEn: 'Start-up support',
                orgUnitId: units.get('keizai') ?? null,
                description: '市内の起業家と伴走し、支援制度を企画・運営します。',
                openings: 1,
              },
            ],
          },
        },
        select: { id: true, careerFields: { select: { id: true } }, publicPosts: { select: { id: true } } },
      });
      const fieldIds = round.careerFields.map((f) => f.id);
      const postIds = round.publicPosts.map((p) => p.id);

      // Every 9th person in post across the city, and demo-staff's colleagues in their 係.
      const posts = await tx.assignment.findMany({
        where: { ...inForce(day), staff: { loginId: { notIn: ['demo-staff'] }, disabledAt: null } },
        orderBy: { staff: { employeeNumber: 'asc' } },
        select: {
          staffId: true,
          isHead: true,
          orgUnit: { select: { code: true, bureauId: true } },
        },
      });
      const chosen = posts.filter(
        (p, i) => (p.orgUnit.code === 'aoba-1-1-1' && !p.isHead) || (i % 9 === 0 && !p.isHead),
      );
      const seen = new Set<string>();
      let n = 0;
      // Some 係長 of 健康福祉局 have held their 面談 already (each a 1on1 of kind 自己申告面談).
      let interviewed = 0;
      for (const p of chosen) {
        if (seen.has(p.staffId)) continue;
        seen.add(p.staffId);
        n += 1;
        const submitted = p.orgUnit.code === 'aoba-1-1-1' || n % 3 !== 0;
        const d = await tx.selfDeclaration.create({
          data: {
            roundId: round.id,
            staffId: p.staffId,
            bureauId: p.orgUnit.bureauId,
            status: submitted ? 'submitted' : 'draft',
            submittedAt: submitted ? new Date(day.getTime() - (n % 6) * DAY) : null,
            reflection: REFLECTIONS[n % REFLECTIONS.length] ?? '',
            desiredWork: WISHES[n % WISHES.length] ?? '',
            desiredUnitIds: [units.get(n % 2 ? 'kenkofukushi' : 'toshiseibi') ?? []].flat(),
            careerFieldIds: fieldIds.slice(n % 3, (n % 3) + 1),
            publicPostIds: n % 4 === 0 ? postIds.slice(0, 1) : [],
            careerVision: VISIONS[n % VISIONS.length] ?? '',
          },
          select: { id: true },
        });
        const head =
          submitted && interviewed < 3 && p.orgUnit.code.startsWith('kenkofukushi-')
            ? await tx.assignment.findFirst({
                where: { ...inForce(day), isHead: true, orgUnit: { code: p.orgUnit.code } },
                select: { staffId: true },
              })
            : null;
        if (head) {
          interviewed += 1;
          const supervisor = { id: head.staffId };
          const heldOn = new Date(day.getTime() - 2 * DAY);
          const meeting = await tx.oneOnOne.create({
            data: {
              staffId: p.staffId,
              authorId: supervisor.id,
              heldOn,
              fiscalYear: fiscalYearOf(heldOn.toISOString().slice(0, 10)),
              minutes: 30,
              kind: 'self_declaration',
              topics: ['自己申告'],
              sharedNotes: '来年度の希望と、窓口業務の振り返りについて話した。',
            },
            select: { id: true },
          });
          await tx.selfDeclaration.update({
            where: { id: d.id },
            data: {
              status: 'interviewed',
              interviewedOn: heldOn,
              interviewerId: supervisor.id,
              supervisorOpinion: '企画業務への意欲が高く、本人の希望に沿った配置を検討したい。',
              oneOnOneId: meeting.id,
              version: 2,
            },
          });
        }
        if (n % 4 === 1) {
          // written in clear, as an installation before encryption at rest held them: the database's
          // preparation seals them right after the seed, through the same step (decision 033)
          await tx.selfDeclarationConsideration.create({
            data: {
              declarationId: d.id,
              ...(n % 8 === 1
                ? { legacyCare: '親の通院の付き添いがあり、遠方の勤務地は難しい。' }
                : { legacyFamily: '子どもが小学校に上がるため、当面は時間外勤務を抑えたい。' }),
            },
          });
        }
      }
    });
  },
};
