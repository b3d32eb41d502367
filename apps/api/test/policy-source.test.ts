/**
 * The seeded policy is the source's text, word for word, with the source's structure.
 * The structure is read from the source text itself here, not restated.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policySeed } from '../../../prisma/seed/policy.data.ts';
import { paths } from '../src/paths.ts';

const source = readFileSync(
  path.join(paths.seed, 'source/sendai-jinzai-ikusei-kihon-houshin.ja.txt'),
  'utf8',
);
const compact = (s: string) => s.replace(/\s+/g, '');
const flatSource = compact(source);

const TAGS: Record<string, 'young' | 'workplace' | 'combined'> = {
  若手: 'young',
  職場: 'workplace',
  総合力: 'combined',
};

/** `- ①キャリア形成の支援 **若手**` (a title may run onto the next line), then `・example ほか`. */
function initiativesInSource(): { marker: string; title: string; tags: string[]; example: string }[][] {
  const areas = source.split(/\n\((\d)\) /).slice(1);
  const out: { marker: string; title: string; tags: string[]; example: string }[][] = [];
  for (let i = 1; i < areas.length; i += 2) {
    const body = areas[i] ?? '';
    const list = body.slice(body.indexOf('【主な取組】'));
    const items = [
      ...list.matchAll(/- ([①-⑤])([^*\n]+?(?:\n(?![-・])[^*\n]+?)?) *(?:\*\*([^*]+)\*\*)? *\n・(.+?) ほか/g),
    ];
    out.push(
      items.map((m) => ({
        marker: m[1] ?? '',
        title: compact(m[2] ?? ''),
        tags: (m[3] ?? '').split(/\s+/).filter(Boolean),
        example: m[4] ?? '',
      })),
    );
  }
  return out;
}

describe('the seeded policy matches the source', () => {
  it('keeps every Japanese text word for word', () => {
    const texts: string[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.ja === 'string' && typeof o.en === 'string') texts.push(o.ja);
        else Object.values(o).forEach(walk);
      }
    };
    walk(policySeed);
    expect(texts.length).toBeGreaterThan(60);
    const missing = texts.filter((t) => !flatSource.includes(compact(t)));
    expect(missing).toEqual([]);
    // …and every one has its English twin
    const untranslated: string[] = [];
    JSON.stringify(policySeed, (_k, v) => {
      if (v && typeof v === 'object' && 'ja' in v && 'en' in v && !String(v.en).trim())
        untranslated.push(v.ja);
      return v;
    });
    expect(untranslated).toEqual([]);
  });

  it('has the 4 職員像 in order', () => {
    const titles = policySeed.staffImages.map((s) => s.title.ja);
    expect(titles).toEqual([
      '誇りを胸に仕事に取り組む職員',
      '新しいことに果敢に挑戦する職員',
      '多様な主体と協働する職員',
      '互いの価値観を尊重して共に成長する職員',
    ]);
    for (const image of policySeed.staffImages) {
      const block = source.slice(source.indexOf(`\n${image.title.ja}\n`));
      const bullets = [...block.slice(image.title.ja.length + 2).matchAll(/^・(.+)$/gm)];
      const own = bullets.slice(0, image.descriptions.length).map((m) => m[1]);
      expect(own).toEqual(image.descriptions.map((d) => d.ja));
    }
  });

  it('has the 3 重点取組方針 with their tags and ◇ items', () => {
    const section = source.slice(source.indexOf('＜重点取組方針＞'), source.indexOf('＜施策分野別取組＞'));
    const headings = [...section.matchAll(/^(\d)\. (.+)$/gm)].map((m) => m[2]);
    expect(policySeed.priorityPolicies.map((p) => p.title.ja)).toEqual(headings);
    const focus = section.split(/^\d\. .+$/m).slice(1);
    policySeed.priorityPolicies.forEach((p, i) => {
      const items = [...(focus[i] ?? '').matchAll(/^◇(.+)$/gm)].map((m) => m[1]);
      expect(p.focusItems.map((f) => f.ja)).toEqual(items);
    });
    expect(policySeed.priorityPolicies.map((p) => [p.tagLabel.ja, p.tagCode])).toEqual([
      ['若手', 'young'],
      ['職場', 'workplace'],
      ['総合力', 'combined'],
    ]);
  });

  it('has 3 施策分野 with 5/5/3 initiatives, each with the source tags and example action', () => {
    const fromSource = initiativesInSource();
    expect(fromSource.map((a) => a.length)).toEqual([5, 5, 3]);
    expect(policySeed.policyAreas.map((a) => a.initiatives.length)).toEqual([5, 5, 3]);
    policySeed.policyAreas.forEach((area, a) => {
      area.initiatives.forEach((initiative, i) => {
        const expected = fromSource[a]?.[i];
        expect(expected).toBeDefined();
        expect(initiative.marker).toBe(expected?.marker);
        expect(initiative.title.ja).toBe(expected?.title);
        expect(initiative.exampleAction.ja).toBe(expected?.example);
        expect(initiative.tags).toEqual(expected?.tags.map((t) => TAGS[t]));
      });
    });
  });

  it('has the 推進体制 roles and who holds them', () => {
    const roles = policySeed.promotionBodies.flatMap((b) =>
      b.roles.map((r) => [b.name.ja, r.holder.ja, r.title.ja]),
    );
    expect(roles).toEqual([
      ['人材育成推進本部', '市長', '推進本部長／人材育成最高責任者'],
      ['人材育成推進本部', '副市長', '推進副本部長／人材育成副責任者'],
      ['人材育成推進本部', '各局長・区長', '局区人材育成責任者'],
      ['人材育成推進連絡会', '各次長・副区長', '局区統括人材育成推進員'],
    ]);
    for (const [, holder, title] of roles) expect(source).toContain(`${holder} ${title}`);
  });

  it("has the 4 actors' duties as the source lists them", () => {
    const section = source.slice(source.indexOf('各主体の役割・責務'));
    for (const actor of policySeed.actors) {
      const after = section.slice(section.indexOf(`\n${actor.name.ja}\n`) + actor.name.ja.length + 2);
      const duties = [...after.matchAll(/^・(.+)$/gm)].slice(0, actor.duties.length).map((m) => m[1]);
      expect(actor.duties.map((d) => d.ja)).toEqual(duties);
    }
    expect(policySeed.actors.map((a) => a.name.ja)).toEqual([
      '職員',
      '管理監督者',
      '各局区等・部門',
      '人材育成部門',
    ]);
  });

  it('runs 令和3〜12年度 with 第1期 in 令和3〜5年度', () => {
    expect(source).toContain('＜取組期間＞令和3年度～12年度（10年間）');
    expect(policySeed.period).toMatchObject({ startFiscalYear: 2021, endFiscalYear: 2030 });
    expect(policySeed.planPeriods[0]).toMatchObject({
      ordinal: 1,
      startFiscalYear: 2021,
      endFiscalYear: 2023,
    });
  });
});
