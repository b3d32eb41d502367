import type { Initiative, PolicyTree, PriorityTag, PriorityTagCode } from '@portal/contracts';
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProvider } from '../../app/provider.tsx';
import { appRoutes } from '../../app/router.tsx';
import { createTestI18n } from '../../shared/test/i18n.ts';
import { meFixture } from '../../shared/test/me.ts';
import {
  countInitiativesWithTag,
  filterInitiatives,
  readTagFilter,
  toggleTagFilter,
  writeTagFilter,
} from './lib/filter-initiatives.ts';

// ---- A policy tree as the seed holds it (仙台市人材育成基本方針, 令和2年度改定) ----

const text = (ja: string, en: string) => ({ ja, en });

const tags: Record<PriorityTagCode, PriorityTag> = {
  young: { code: 'young', label: text('若手', 'Young staff') },
  workplace: { code: 'workplace', label: text('職場', 'Workplace') },
  combined: { code: 'combined', label: text('総合力', 'Combined strength') },
};

const markers = ['①', '②', '③', '④', '⑤'];

function initiatives(
  area: number,
  rows: Array<[ja: string, en: string, actionJa: string, actionEn: string, tagCodes: PriorityTagCode[]]>,
): Initiative[] {
  return rows.map(([ja, en, actionJa, actionEn, tagCodes], index) => ({
    id: `initiative-${area}-${index + 1}`,
    code: `${area}-${index + 1}`,
    position: index + 1,
    marker: markers[index] ?? String(index + 1),
    title: text(ja, en),
    exampleAction: text(actionJa, actionEn),
    tags: tagCodes.map((code) => tags[code]),
  }));
}

const policyTree: PolicyTree = {
  id: 'policy-2020',
  title: text('仙台市人材育成基本方針', 'Sendai City Human Resource Development Basic Policy'),
  revision: text('令和2年度改定', 'Revised FY2020'),
  revisedFiscalYear: 2020,
  summary: [
    text(
      '仙台市人材育成基本方針は、仙台市職員の長期的な人材育成の基本的方向性を定めるものです。',
      'The policy sets the long-term direction for developing Sendai City staff.',
    ),
  ],
  period: {
    startFiscalYear: 2021,
    endFiscalYear: 2030,
    label: text('令和3年度～12年度（10年間）', 'FY2021–2030'),
  },
  planCycleNote: text('第2期以降は3～4年ごとに策定', 'Later plans are drawn up every 3–4 years'),
  staffImages: [
    ['誇りを胸に仕事に取り組む職員', 'Staff who work with pride'],
    ['新しいことに果敢に挑戦する職員', 'Staff who boldly take on new challenges'],
    ['多様な主体と協働する職員', 'Staff who collaborate with diverse partners'],
    ['互いの価値観を尊重して共に成長する職員', "Staff who respect each other's values and grow together"],
  ].map(([ja = '', en = ''], index) => ({
    id: `image-${index + 1}`,
    code: `image-${index + 1}`,
    position: index + 1,
    title: text(ja, en),
    descriptions: [text(`${ja}の説明`, `About: ${en}`)],
  })),
  priorityIntro: text(
    '3つの重点取組方針を設定し、具体的な取組を体系化して進めていく。',
    'Three priority policies.',
  ),
  priorityPolicies: [
    { id: 'p1', position: 1, title: text('若手職員の人材育成', 'Developing young staff'), tag: tags.young },
    {
      id: 'p2',
      position: 2,
      title: text('職場における人材育成', 'Development in the workplace'),
      tag: tags.workplace,
    },
    {
      id: 'p3',
      position: 3,
      title: text(
        '市役所の総合力を発揮するための人材育成',
        "Development for the city hall's combined strength",
      ),
      tag: tags.combined,
    },
  ].map((policy) => ({
    ...policy,
    focusItems: [{ id: `${policy.id}-f1`, position: 1, text: text(`${policy.title.ja}の重点事項`, 'Focus') }],
  })),
  policyAreas: [
    {
      id: 'area-1',
      code: '1',
      position: 1,
      title: text('職員の主体的な成長を支援する研修・能力開発', "Training that supports staff's own growth"),
      description: text('主体的なキャリア形成を支援する。', 'Support self-directed careers.'),
      initiatives: initiatives(1, [
        [
          'キャリア形成の支援',
          'Career-building support',
          'キャリアを考えるための機会や情報の提供',
          'Career information',
          ['young'],
        ],
        ['職場の人材育成の推進', 'Workplace development', 'OJTや職場研修の充実', 'Fuller OJT', ['workplace']],
        [
          '研修所研修の充実',
          'Training-institute courses',
          'より効果的な研修プログラムの検討・実施',
          'Better programmes',
          [],
        ],
        [
          '部門別・業務主管課による研修の拡充',
          'Training by job family',
          '職種や分野ごとの研修の充実',
          'Per job type',
          ['young'],
        ],
        [
          '職員の自己啓発支援',
          'Self-development support',
          '資格取得や自主学習への支援強化',
          'Self-study',
          ['young'],
        ],
      ]),
    },
    {
      id: 'area-2',
      code: '2',
      position: 2,
      title: text('計画的・効果的な人材マネジメント', 'Planned, effective talent management'),
      description: text('人事制度を活用した計画的かつ効果的な取組を推進する。', 'Use personnel systems.'),
      initiatives: initiatives(2, [
        [
          '有為な人材の採用',
          'Recruiting able people',
          '効果的な試験広報の実施',
          'Exam publicity',
          ['combined'],
        ],
        [
          '配置管理・昇任管理',
          'Placement and promotion',
          '職員の意欲や適性を生かす人員配置',
          'Placement',
          ['combined'],
        ],
        [
          '人事評価の活用',
          'Using personnel evaluation',
          '評価の効果的な反映や、人材育成への活用',
          'Evaluation',
          ['workplace'],
        ],
        [
          '多様な経験を培う内外の交流推進',
          'Internal and external exchange',
          '成長機会としての内外の交流機会の充実',
          'Exchange',
          ['young', 'combined'],
        ],
        [
          '人材育成部門と各職場の連携強化',
          'HR department and workplaces',
          '全庁的な人材育成推進体制の構築',
          'Structure',
          ['workplace'],
        ],
      ]),
    },
    {
      id: 'area-3',
      code: '3',
      position: 3,
      title: text('能力を発揮できる職場環境づくり', 'A workplace where everyone can use their abilities'),
      description: text('組織風土を含めた職場の環境づくりに取り組む。', 'Work on the environment.'),
      initiatives: initiatives(3, [
        [
          '組織風土づくり',
          'Organisational culture',
          '風通しのよい組織風土づくり',
          'Open culture',
          ['combined'],
        ],
        [
          'ワーク・ライフ・バランスの推進',
          'Work–life balance',
          '子育て推進・女性職員活躍推進プランにおける取組',
          'Plan',
          ['combined'],
        ],
        [
          '業務効率化の推進',
          'Efficiency',
          '市役所経営プランにおける業務効率化の取組',
          'Efficiency',
          ['combined'],
        ],
      ]),
    },
  ],
  promotionBodies: [
    {
      id: 'hq',
      code: 'hq',
      position: 1,
      name: text('人材育成推進本部', 'HR Development Promotion Headquarters'),
      roles: [
        {
          id: 'r1',
          code: 'mayor',
          position: 1,
          holder: text('市長', 'Mayor'),
          title: text('推進本部長／人材育成最高責任者', 'Head; chief HR-development officer'),
        },
      ],
    },
  ],
  actors: [
    {
      id: 'a1',
      code: 'staff',
      position: 1,
      name: text('職員', 'Staff'),
      duties: [text('知識・技術の習得による主体的なキャリア形成', 'Build their own career')],
    },
  ],
  planPeriods: [
    {
      id: 'period-1',
      ordinal: 1,
      name: text('第1期人材育成推進計画', 'First HR Development Promotion Plan'),
      startFiscalYear: 2021,
      endFiscalYear: 2023,
      status: 'published',
    },
  ],
};

// ---- The tag filter ----

describe('tag filter', () => {
  const areas = policyTree.policyAreas;

  it('reads known tags from the URL, in the policy order, without repeats', () => {
    expect(readTagFilter(new URLSearchParams('tag=combined&tag=young&tag=young&tag=bogus'))).toEqual([
      'young',
      'combined',
    ]);
    expect(readTagFilter(new URLSearchParams(''))).toEqual([]);
  });

  it('toggles one tag on and off and keeps other parameters', () => {
    const on = toggleTagFilter(new URLSearchParams('page=2'), 'workplace');
    expect(on.toString()).toBe('page=2&tag=workplace');
    expect(toggleTagFilter(on, 'workplace').toString()).toBe('page=2');
    expect(writeTagFilter(new URLSearchParams('tag=young'), []).toString()).toBe('');
  });

  it('shows all 13 initiatives without a tag', () => {
    const result = filterInitiatives(areas, []);
    expect([result.shown, result.total]).toEqual([13, 13]);
    expect(result.areas.map((area) => area.initiatives.length)).toEqual([5, 5, 3]);
  });

  it('keeps the initiatives that carry a tag, and only their areas', () => {
    const young = filterInitiatives(areas, ['young']);
    expect(young.shown).toBe(4);
    expect(young.areas.flatMap((area) => area.initiatives.map((i) => i.title.ja))).toEqual([
      'キャリア形成の支援',
      '部門別・業務主管課による研修の拡充',
      '職員の自己啓発支援',
      '多様な経験を培う内外の交流推進',
    ]);
    const workplace = filterInitiatives(areas, ['workplace']);
    expect(workplace.areas.map((area) => area.id)).toEqual(['area-1', 'area-2']);
    expect(workplace.shown).toBe(3);
    expect(filterInitiatives(areas, ['combined']).shown).toBe(6);
  });

  it('narrows with several tags: an initiative must carry all of them', () => {
    const both = filterInitiatives(areas, ['young', 'combined']);
    expect(both.areas.flatMap((area) => area.initiatives.map((i) => i.code))).toEqual(['2-4']);
    const none = filterInitiatives(areas, ['young', 'workplace']);
    expect([none.shown, none.total, none.areas]).toEqual([0, 13, []]);
  });

  it('counts the initiatives of each tag', () => {
    expect(countInitiativesWithTag(areas, 'young')).toBe(4);
    expect(countInitiativesWithTag(areas, 'workplace')).toBe(3);
    expect(countInitiativesWithTag(areas, 'combined')).toBe(6);
  });
});

// ---- The pages, over the real router and providers, with only `fetch` stubbed ----
// (`RouterProvider` comes from `react-router` here: under Node, `react-router/dom` loads the CommonJS
// build beside the ESM one the pages use, i.e. a second router context.)

/** Answers `/api/me` as demo-staff, and everything else with `body`. */
/** Answers the policy's reads with `body`, the session with the fixture, and the start page's other
 * panels (open 1on1 actions, the reader's figures), which these tests do not look at, with a 404. */
function serve(body: unknown, status = 200) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url === '/api/me') return Response.json(meFixture());
    if (!url.startsWith('/api/policy'))
      return Response.json(
        { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found', requestId: 'r-0' },
        { status: 404, headers: { 'content-type': 'application/problem+json' } },
      );
    return Response.json(body, {
      status,
      headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderAt(path: string, language: 'ja' | 'en' = 'ja') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(appRoutes(queryClient), { initialEntries: [path] });
  render(
    <AppProvider queryClient={queryClient} i18n={createTestI18n({ language })}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return router;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('initiatives page', () => {
  it('filters by the tag in the URL and announces the count', async () => {
    serve(policyTree);
    const router = renderAt('/policy/initiatives?tag=young');

    const status = await screen.findByText('全13件中4件の取組を表示しています。');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([
      '①キャリア形成の支援',
      '④部門別・業務主管課による研修の拡充',
      '⑤職員の自己啓発支援',
      '④多様な経験を培う内外の交流推進',
    ]);
    // Area (3) has no young-staff initiative and is hidden; area numbers stay those of the policy.
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      '(1)職員の主体的な成長を支援する研修・能力開発',
      '(2)計画的・効果的な人材マネジメント',
    ]);

    const young = screen.getByRole('button', { name: '若手' });
    const workplace = screen.getByRole('button', { name: '職場' });
    expect(young.getAttribute('aria-pressed')).toBe('true');
    expect(workplace.getAttribute('aria-pressed')).toBe('false');

    act(() => fireEvent.click(workplace));
    await screen.findByText('全13件中0件の取組を表示しています。');
    expect(router.state.location.search).toBe('?tag=young&tag=workplace');
    expect(screen.getByText(/選んだタグをすべて持つ取組はありません/)).toBeTruthy();

    act(() => fireEvent.click(screen.getByRole('button', { name: 'すべて表示' })));
    await screen.findByText('全13件中13件の取組を表示しています。');
    expect(router.state.location.search).toBe('');
  });

  it('links each tag chip to the initiatives filtered by it', async () => {
    serve(policyTree);
    renderAt('/policy/priorities');
    const link = await screen.findByRole('link', { name: '「総合力」の取組を見る（6件）' });
    expect(link.getAttribute('href')).toBe('/policy/initiatives?tag=combined');
    const chips = screen.getAllByRole('link', { name: /^若手/ });
    expect(chips[0]?.getAttribute('href')).toBe('/policy/initiatives?tag=young');
  });

  it('shows the error with a retry, and recovers', async () => {
    const fetchMock = serve(
      {
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        code: 'internal',
        requestId: 'r-1',
      },
      500,
    );
    renderAt('/policy/staff-images');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('システムで問題が起きました');
    expect(alert.textContent).toContain('r-1');

    fetchMock.mockImplementation(async (input) =>
      Response.json(String(input) === '/api/me' ? meFixture() : policyTree),
    );
    act(() => fireEvent.click(within(alert).getByRole('button', { name: 'もう一度読み込む' })));
    expect(await screen.findByRole('heading', { name: '誇りを胸に仕事に取り組む職員' })).toBeTruthy();
  });

  it('shows an empty state when the policy has no initiatives', async () => {
    serve({ ...policyTree, policyAreas: [] });
    renderAt('/policy/initiatives');
    expect(await screen.findByText('施策分野はまだ登録されていません。')).toBeTruthy();
  });
});

describe('overview page', () => {
  it('shows the policy period and plan periods in 和暦, and in English', async () => {
    serve(policyTree);
    renderAt('/');
    expect(await screen.findByRole('heading', { level: 1, name: '仙台市人材育成基本方針' })).toBeTruthy();
    expect(screen.getByText('令和3〜12年度（10年間）')).toBeTruthy();
    expect(screen.getByText('令和3〜5年度（3年間）')).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('仙台市人材育成基本方針 | 人材育成ポータル'));
    expect(document.documentElement.lang).toBe('ja');
  });

  it('speaks English when English is chosen', async () => {
    serve(policyTree);
    renderAt('/', 'en');
    expect(await screen.findByText('FY2021–2030 (10 years)')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Sendai City Human Resource Development Basic Policy',
    );
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('unknown paths', () => {
  it('show the not-found page', async () => {
    serve(policyTree);
    renderAt('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: 'ページが見つかりません' })).toBeTruthy();
  });
});
