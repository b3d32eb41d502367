/**
 * 仙台市人材育成基本方針 as seed data. Every Japanese string is the source's own words
 * (source/sendai-jinzai-ikusei-kihon-houshin.ja.txt); policy.data.test.ts checks each against it.
 * The English beside each is the portal's translation for its English UI.
 */

export type Text = { ja: string; en: string };

export type PolicySeed = {
  code: string;
  title: Text;
  revision: Text;
  revisedFiscalYear: number;
  summary: Text[];
  period: { startFiscalYear: number; endFiscalYear: number; label: Text };
  planCycleNote: Text;
  priorityIntro: Text;
  staffImages: { code: string; title: Text; descriptions: Text[] }[];
  priorityPolicies: {
    tagCode: 'young' | 'workplace' | 'combined';
    tagLabel: Text;
    title: Text;
    focusItems: Text[];
  }[];
  policyAreas: {
    code: string;
    title: Text;
    description: Text;
    initiatives: {
      marker: string;
      title: Text;
      exampleAction: Text;
      tags: ('young' | 'workplace' | 'combined')[];
    }[];
  }[];
  promotionBodies: { code: string; name: Text; roles: { code: string; holder: Text; title: Text }[] }[];
  actors: { code: string; name: Text; duties: Text[] }[];
  planPeriods: { ordinal: number; name: Text; startFiscalYear: number; endFiscalYear: number }[];
};

export const policySeed: PolicySeed = {
  code: 'sendai-jinzai-ikusei-kihon-houshin',
  title: {
    ja: '仙台市人材育成基本方針',
    en: 'Sendai City Human-Resource Development Basic Policy',
  },
  revision: { ja: '令和2年度の改定', en: 'FY2020 revision' },
  revisedFiscalYear: 2020,
  summary: [
    {
      ja: '仙台市人材育成基本方針は、仙台市職員の長期的な人材育成の基本的方向性を定めるものです。',
      en: "The Sendai City Human-Resource Development Basic Policy sets the long-term, basic direction for developing Sendai City's staff.",
    },
    {
      ja: '令和2年度の改定にあたっては、本市を取り巻く社会経済情勢の変化や、大規模な災害や感染症の発生など前例のない事態への対処を念頭に、令和3年3月策定の仙台市基本計画が目指す都市像の実現を見据えて、改定を行いました。',
      en: 'The FY2020 revision took into account the changing social and economic conditions around the city and the need to deal with unprecedented events such as large-scale disasters and infectious diseases, with a view to realising the vision of the city set out in the Sendai City Basic Plan adopted in March 2021.',
    },
    {
      ja: 'また、併せて「仙台市人材育成推進計画」を策定し、本方針に基づく中期的な具体の取組を示し、関連する計画・プランなどと整合を図りながら人材育成を推進していくこととします。',
      en: 'At the same time, the city drew up the "Sendai City HR Development Promotion Plan", which sets out concrete mid-term initiatives based on this policy, and promotes staff development in line with related plans.',
    },
  ],
  period: {
    startFiscalYear: 2021,
    endFiscalYear: 2030,
    label: { ja: '令和3年度～12年度（10年間）', en: 'FY2021–FY2030 (10 years)' },
  },
  planCycleNote: {
    ja: '第1期人材育成推進計画：令和3～5年度（3年間）（第2期以降は3～4年ごとに策定）',
    en: 'First HR Development Promotion Plan: FY2021–2023 (3 years); later plans are drawn up every 3–4 years.',
  },
  priorityIntro: {
    ja: '本市の組織の現状や人材育成上の課題を踏まえて、目指す職員像の実現のために必要となる意識や能力を効果的かつ計画的に育成するため、3つの重点取組方針を設定し、具体的な取組を体系化して進めていくこととする。',
    en: "Based on the current state of the city's organisation and its staff-development challenges, three priority policies are set, and concrete initiatives are organised and pursued under them, to develop effectively and systematically the awareness and abilities needed to realise the target staff images.",
  },
  staffImages: [
    {
      code: 'pride',
      title: { ja: '誇りを胸に仕事に取り組む職員', en: 'Staff who work with pride' },
      descriptions: [
        {
          ja: '仙台のまちへの愛着や、高いコンプライアンス意識のもと、行政のプロフェッショナルとして市民生活の質や地域の豊かさの向上に貢献するという使命感を持って業務を遂行する職員',
          en: "Staff who, with attachment to Sendai and a strong sense of compliance, carry out their work with a sense of mission, as professionals of public administration, to raise the quality of citizens' lives and the region's prosperity",
        },
      ],
    },
    {
      code: 'challenge',
      title: { ja: '新しいことに果敢に挑戦する職員', en: 'Staff who boldly take on new challenges' },
      descriptions: [
        {
          ja: '現場の課題に前向きかつ柔軟に対応するとともに、将来を見据えて果敢に挑戦する意識・意欲を持った職員',
          en: 'Staff who meet problems on the ground positively and flexibly, and who have the will and drive to look ahead and dare to try',
        },
        {
          ja: '困難な課題に対しても、主体的な姿勢と前例にとらわれない新たな発想により組織一丸となって立ち向かう職員',
          en: 'Staff who face even difficult problems as one organisation, proactively and with fresh ideas not bound by precedent',
        },
      ],
    },
    {
      code: 'collaboration',
      title: { ja: '多様な主体と協働する職員', en: 'Staff who collaborate with diverse partners' },
      descriptions: [
        {
          ja: '多様な主体との相互理解のもとに協働し、互いの強みを発揮することで、より高い事業成果を実現する職員',
          en: 'Staff who work with diverse partners on the basis of mutual understanding and, each bringing its strengths, achieve better results',
        },
      ],
    },
    {
      code: 'mutual-growth',
      title: {
        ja: '互いの価値観を尊重して共に成長する職員',
        en: "Staff who respect each other's values and grow together",
      },
      descriptions: [
        {
          ja: '互いに異なる事情や考え方を理解・尊重し、それぞれの力を生かしてともに成長する職員',
          en: "Staff who understand and respect each other's different circumstances and views, and grow together by making the most of each person's strengths",
        },
        {
          ja: '年齢や役職にかかわらず同じ目線に立って議論し、お互いの意見を尊重する職員',
          en: "Staff who discuss as equals regardless of age or rank, and respect each other's opinions",
        },
      ],
    },
  ],
  priorityPolicies: [
    {
      tagCode: 'young',
      tagLabel: { ja: '若手', en: 'Young staff' },
      title: { ja: '若手職員の人材育成', en: 'Developing young staff' },
      focusItems: [
        {
          ja: '職員育成の役割を担う管理監督者のマネジメント能力の向上',
          en: 'Raise the management skills of managers and supervisors, who carry the role of developing staff',
        },
        {
          ja: 'OJTや研修、成長を促す人事管理のあり方などの見直し',
          en: 'Review OJT, training and personnel management that encourages growth',
        },
      ],
    },
    {
      tagCode: 'workplace',
      tagLabel: { ja: '職場', en: 'Workplace' },
      title: { ja: '職場における人材育成', en: 'Development in the workplace' },
      focusItems: [
        {
          ja: '各局区等や部門と人材育成部門の連携強化、組織的・計画的なOJTの実施',
          en: 'Closer links between each bureau, ward and department and the HR development department; organised, planned OJT',
        },
      ],
    },
    {
      tagCode: 'combined',
      tagLabel: { ja: '総合力', en: 'Combined strength' },
      title: {
        ja: '市役所の総合力を発揮するための人材育成',
        en: "Development for the city hall's combined strength",
      },
      focusItems: [
        {
          ja: '組織が果たす役割を認識し、他部署との協調により全体の最適を考える人材の育成',
          en: "Develop people who understand the organisation's role and seek what is best for the whole by working with other sections",
        },
        {
          ja: '人材の多様化や、外部との交流等による職員の成長促進',
          en: 'Encourage staff growth through a more diverse workforce and exchange with outside bodies',
        },
      ],
    },
  ],
  policyAreas: [
    {
      code: '1',
      title: {
        ja: '職員の主体的な成長を支援する研修・能力開発',
        en: "Training and capability development that supports staff's own growth",
      },
      description: {
        ja: '職員が、必要な経験や能力などの具体的なイメージを持って、自ら計画的に能力開発に取り組めるよう、組織的なOJT、研修体系等の整備、自己啓発等の支援を行い、主体的なキャリア形成を支援する。',
        en: 'So that staff can picture the experience and abilities they need and plan their own development, provide organised OJT, a training system and support for self-development, and support self-directed career building.',
      },
      initiatives: [
        {
          marker: '①',
          title: { ja: 'キャリア形成の支援', en: 'Career-building support' },
          exampleAction: {
            ja: 'キャリアを考えるための機会や情報の提供',
            en: 'Opportunities and information for thinking about one’s career',
          },
          tags: ['young'],
        },
        {
          marker: '②',
          title: { ja: '職場の人材育成の推進', en: 'Promoting development in the workplace' },
          exampleAction: { ja: 'OJTや職場研修の充実', en: 'Fuller OJT and in-workplace training' },
          tags: ['workplace'],
        },
        {
          marker: '③',
          title: { ja: '研修所研修の充実', en: 'Better training-institute courses' },
          exampleAction: {
            ja: 'より効果的な研修プログラムの検討・実施',
            en: 'Design and run more effective training programmes',
          },
          tags: [],
        },
        {
          marker: '④',
          title: {
            ja: '部門別・業務主管課による研修の拡充',
            en: 'More training by job family and by the section in charge',
          },
          exampleAction: {
            ja: '職種や分野ごとの研修の充実',
            en: 'More training for each job type and field',
          },
          tags: ['young'],
        },
        {
          marker: '⑤',
          title: { ja: '職員の自己啓発支援', en: 'Support for staff self-development' },
          exampleAction: {
            ja: '資格取得や自主学習への支援強化',
            en: 'Stronger support for gaining qualifications and self-study',
          },
          tags: ['young'],
        },
      ],
    },
    {
      code: '2',
      title: { ja: '計画的・効果的な人材マネジメント', en: 'Planned, effective talent management' },
      description: {
        ja: '職員が適性を生かし、知識や技術を向上させることで組織の力を高めていくため、人材育成の体制整備と併せ、配置・昇任や人事評価など人事制度を活用した計画的かつ効果的な取組を推進する。',
        en: 'To strengthen the organisation as staff use their aptitudes and improve their knowledge and skills, build the development structure and pursue planned, effective measures that use personnel systems such as placement, promotion and evaluation.',
      },
      initiatives: [
        {
          marker: '①',
          title: { ja: '有為な人材の採用', en: 'Recruiting able people' },
          exampleAction: {
            ja: '効果的な試験広報の実施',
            en: 'Effective publicity for recruitment examinations',
          },
          tags: ['combined'],
        },
        {
          marker: '②',
          title: { ja: '配置管理・昇任管理', en: 'Placement and promotion management' },
          exampleAction: {
            ja: '職員の意欲や適性を生かす人員配置',
            en: "Placement that makes use of each person's motivation and aptitude",
          },
          tags: ['combined'],
        },
        {
          marker: '③',
          title: { ja: '人事評価の活用', en: 'Using personnel evaluation' },
          exampleAction: {
            ja: '評価の効果的な反映や、人材育成への活用',
            en: 'Reflect evaluations effectively and use them for staff development',
          },
          tags: ['workplace'],
        },
        {
          marker: '④',
          title: {
            ja: '多様な経験を培う内外の交流推進',
            en: 'Internal and external exchange for varied experience',
          },
          exampleAction: {
            ja: '成長機会としての内外の交流機会の充実',
            en: 'More exchange opportunities inside and outside the city hall, as chances to grow',
          },
          tags: ['young', 'combined'],
        },
        {
          marker: '⑤',
          title: {
            ja: '人材育成部門と各職場の連携強化',
            en: 'Closer links between the HR development department and workplaces',
          },
          exampleAction: {
            ja: '全庁的な人材育成推進体制の構築',
            en: 'A city-wide structure for promoting staff development',
          },
          tags: ['workplace'],
        },
      ],
    },
    {
      code: '3',
      title: {
        ja: '能力を発揮できる職場環境づくり',
        en: 'A workplace where everyone can use their abilities',
      },
      description: {
        ja: '職員一人ひとりが能力を十分に発揮し、生き生きと仕事をする中で、組織の成長へつなげるため、組織風土を含めた職場の環境づくりに取り組む。',
        en: 'Work on the workplace environment, organisational culture included, so that each person can make full use of their abilities and work with energy, and so grow the organisation.',
      },
      initiatives: [
        {
          marker: '①',
          title: { ja: '組織風土づくり', en: 'Building the organisational culture' },
          exampleAction: {
            ja: '「コンプライアンス推進計画」における風通しのよい組織風土づくり',
            en: 'An open organisational culture under the "Compliance Promotion Plan"',
          },
          tags: ['combined'],
        },
        {
          marker: '②',
          title: { ja: 'ワーク・ライフ・バランスの推進', en: 'Promoting work–life balance' },
          exampleAction: {
            ja: '「子育て推進・女性職員活躍推進プラン」における取組',
            en: 'Measures of the "Plan for Supporting Child-Rearing and Women Staff\'s Advancement"',
          },
          tags: ['combined'],
        },
        {
          marker: '③',
          title: { ja: '業務効率化の推進', en: 'Promoting efficiency' },
          exampleAction: {
            ja: '「市役所経営プラン」における業務効率化の取組',
            en: 'Efficiency measures of the "City Hall Management Plan"',
          },
          tags: ['combined'],
        },
      ],
    },
  ],
  promotionBodies: [
    {
      code: 'headquarters',
      name: { ja: '人材育成推進本部', en: 'HR Development Promotion Headquarters' },
      roles: [
        {
          code: 'chief',
          holder: { ja: '市長', en: 'Mayor' },
          title: {
            ja: '推進本部長／人材育成最高責任者',
            en: 'Head of the Promotion Headquarters / Chief HR Development Officer',
          },
        },
        {
          code: 'deputy',
          holder: { ja: '副市長', en: 'Deputy Mayor' },
          title: {
            ja: '推進副本部長／人材育成副責任者',
            en: 'Deputy Head of the Promotion Headquarters / Deputy HR Development Officer',
          },
        },
        {
          code: 'bureau-officer',
          holder: { ja: '各局長・区長', en: 'Bureau directors and ward mayors' },
          title: { ja: '局区人材育成責任者', en: 'Bureau/Ward HR Development Officer' },
        },
      ],
    },
    {
      code: 'liaison-council',
      name: { ja: '人材育成推進連絡会', en: 'HR Development Promotion Liaison Council' },
      roles: [
        {
          code: 'bureau-promoter',
          holder: { ja: '各次長・副区長', en: 'Deputy directors and deputy ward mayors' },
          title: { ja: '局区統括人材育成推進員', en: 'Bureau/Ward Lead HR Development Promoter' },
        },
      ],
    },
  ],
  actors: [
    {
      code: 'staff',
      name: { ja: '職員', en: 'Staff' },
      duties: [
        {
          ja: '知識・技術の習得による主体的なキャリア形成',
          en: 'Build their own careers by gaining knowledge and skills',
        },
        {
          ja: '様々な経験・能力を持つ職員との連携',
          en: 'Work together with colleagues of varied experience and abilities',
        },
        {
          ja: '市役所の使命の理解と、互いの役割や個性を生かせる職場の雰囲気づくり',
          en: "Understand the city hall's mission, and help create a workplace where each person's role and personality can be used",
        },
      ],
    },
    {
      code: 'managers',
      name: { ja: '管理監督者', en: 'Managers and supervisors' },
      duties: [
        {
          ja: '指導スキルの向上とOJTの推進体制整備',
          en: 'Improve coaching skills and build a structure for OJT',
        },
        {
          ja: '職員の能力開発やキャリア形成の支援',
          en: "Support staff's capability development and career building",
        },
        {
          ja: '主体的な考えを引き出し、職員の個性が尊重され能力が発揮される組織風土づくり',
          en: "Build a culture that draws out staff's own thinking, respects their individuality and lets them use their abilities",
        },
      ],
    },
    {
      code: 'departments',
      name: { ja: '各局区等・部門', en: 'Bureaus, wards and departments' },
      duties: [
        {
          ja: '各局区等や部門ごとの人材育成ニーズに応じた体制整備など、人材育成部門と連携した組織的・計画的な人材育成',
          en: 'Organised, planned staff development together with the HR development department, such as building structures that fit the development needs of each bureau, ward or department',
        },
      ],
    },
    {
      code: 'hr',
      name: { ja: '人材育成部門', en: 'HR development department' },
      duties: [
        {
          ja: '一貫性のある採用、人事管理、研修、評価等の人事施策の推進',
          en: 'Consistent personnel measures: recruitment, personnel management, training and evaluation',
        },
        {
          ja: '職場や部門等の人材育成への支援',
          en: 'Support for staff development in workplaces and departments',
        },
        {
          ja: '推進体制整備による全庁的な施策の推進',
          en: 'City-wide promotion of measures through the promotion structure',
        },
      ],
    },
  ],
  planPeriods: [
    {
      ordinal: 1,
      name: { ja: '第1期人材育成推進計画', en: 'First HR Development Promotion Plan' },
      startFiscalYear: 2021,
      endFiscalYear: 2023,
    },
  ],
};
