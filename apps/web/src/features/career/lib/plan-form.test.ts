import { describe, expect, it } from 'vitest';
import { isBlank, type PlanForm, sameContent, toContent, toForm } from './plan-form.ts';

const order = ['si-1', 'si-2', 'si-3', 'si-4'];

const form = (patch: Partial<PlanForm> = {}): PlanForm => ({ ...toForm(null), ...patch });

describe('career-plan form', () => {
  it('saves trimmed text, drops empty rows and lines, and keeps assessed 職員像 in the policy’s order', () => {
    const content = toContent(
      form({
        shortTermGoal: '  窓口で説明できるようになる \n',
        desiredExperiences: [
          { key: 'a', kind: 'secondment', text: ' 国への派遣 ' },
          { key: 'b', kind: 'field', text: '   ' },
        ],
        selfAssessments: {
          'si-3': { level: 4, comment: '' },
          'si-1': { level: null, comment: ' 理由 ' },
          'si-2': { level: null, comment: '  ' },
        },
        skillsText: '簿記2級\n\n  ITパスポート  \n',
      }),
      order,
    );
    expect(content).toEqual({
      shortTermGoal: '窓口で説明できるようになる',
      midTermGoal: '',
      longTermGoal: '',
      desiredExperiences: [{ kind: 'secondment', text: '国への派遣' }],
      selfAssessments: [
        { staffImageId: 'si-1', level: null, comment: '理由' },
        { staffImageId: 'si-3', level: 4, comment: '' },
      ],
      skillsToGain: ['簿記2級', 'ITパスポート'],
      staffImageIds: [],
      initiativeIds: [],
    });
  });

  it('reads a saved plan back into the same content', () => {
    const saved = toContent(
      form({
        longTermGoal: '政策の企画',
        desiredExperiences: [{ key: 'x', kind: 'exchange', text: '区と本庁' }],
        selfAssessments: { 'si-2': { level: 3, comment: '協働できている' } },
        skillsText: '行政法',
        staffImageIds: ['si-2'],
        initiativeIds: ['in-1'],
      }),
      order,
    );
    expect(toContent(toForm(saved), order)).toEqual(saved);
    expect(sameContent(toForm(saved), toForm(saved), order)).toBe(true);
  });

  it('tells a change from whitespace and from the order of links', () => {
    const a = form({ shortTermGoal: '目標', staffImageIds: ['si-1', 'si-2'] });
    expect(sameContent(a, { ...a, shortTermGoal: '目標  ' }, order)).toBe(true);
    expect(sameContent(a, { ...a, staffImageIds: ['si-2', 'si-1'] }, order)).toBe(true);
    expect(sameContent(a, { ...a, shortTermGoal: '別の目標' }, order)).toBe(false);
    expect(sameContent(a, { ...a, selfAssessments: { 'si-4': { level: 1, comment: '' } } }, order)).toBe(
      false,
    );
  });

  it('knows an empty plan', () => {
    expect(isBlank(toContent(form(), order))).toBe(true);
    expect(isBlank(toContent(form({ skillsText: '簿記' }), order))).toBe(false);
  });
});
