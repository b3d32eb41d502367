/**
 * Seeds the policy (idempotent: upserts by the natural keys, so a re-run updates texts in place and
 * never duplicates). Runs in production and demo mode alike.
 */
import { type PolicySeed, policySeed } from '../../../../../prisma/seed/policy.data.ts';
import type { Db } from '../client.ts';

export async function seedPolicy(db: Db, seed: PolicySeed = policySeed): Promise<string> {
  return db.$transaction(
    async (tx) => {
      const texts = {
        titleJa: seed.title.ja,
        titleEn: seed.title.en,
        revisionJa: seed.revision.ja,
        revisionEn: seed.revision.en,
        revisedFiscalYear: seed.revisedFiscalYear,
        summaryJa: seed.summary.map((t) => t.ja),
        summaryEn: seed.summary.map((t) => t.en),
        startFiscalYear: seed.period.startFiscalYear,
        endFiscalYear: seed.period.endFiscalYear,
        periodLabelJa: seed.period.label.ja,
        periodLabelEn: seed.period.label.en,
        planCycleNoteJa: seed.planCycleNote.ja,
        planCycleNoteEn: seed.planCycleNote.en,
        priorityIntroJa: seed.priorityIntro.ja,
        priorityIntroEn: seed.priorityIntro.en,
        inForce: true,
      };
      const policy = await tx.policy.upsert({
        where: { code: seed.code },
        create: { code: seed.code, ...texts },
        update: texts,
      });
      const policyId = policy.id;
      await tx.policy.updateMany({ where: { id: { not: policyId } }, data: { inForce: false } });

      for (const [i, image] of seed.staffImages.entries()) {
        const data = {
          position: i + 1,
          titleJa: image.title.ja,
          titleEn: image.title.en,
          descriptionsJa: image.descriptions.map((d) => d.ja),
          descriptionsEn: image.descriptions.map((d) => d.en),
        };
        await tx.staffImage.upsert({
          where: { policyId_code: { policyId, code: image.code } },
          create: { policyId, code: image.code, ...data },
          update: data,
        });
      }

      const priorityIds = new Map<string, string>();
      for (const [i, p] of seed.priorityPolicies.entries()) {
        const data = {
          position: i + 1,
          tagLabelJa: p.tagLabel.ja,
          tagLabelEn: p.tagLabel.en,
          titleJa: p.title.ja,
          titleEn: p.title.en,
        };
        const row = await tx.priorityPolicy.upsert({
          where: { policyId_tagCode: { policyId, tagCode: p.tagCode } },
          create: { policyId, tagCode: p.tagCode, ...data },
          update: data,
        });
        priorityIds.set(p.tagCode, row.id);
        await tx.focusItem.deleteMany({
          where: { priorityPolicyId: row.id, position: { gt: p.focusItems.length } },
        });
        for (const [j, item] of p.focusItems.entries()) {
          await tx.focusItem.upsert({
            where: { priorityPolicyId_position: { priorityPolicyId: row.id, position: j + 1 } },
            create: { priorityPolicyId: row.id, position: j + 1, textJa: item.ja, textEn: item.en },
            update: { textJa: item.ja, textEn: item.en },
          });
        }
      }

      for (const [i, area] of seed.policyAreas.entries()) {
        const data = {
          position: i + 1,
          titleJa: area.title.ja,
          titleEn: area.title.en,
          descriptionJa: area.description.ja,
          descriptionEn: area.description.en,
        };
        const areaRow = await tx.policyArea.upsert({
          where: { policyId_code: { policyId, code: area.code } },
          create: { policyId, code: area.code, ...data },
          update: data,
        });
        for (const [j, initiative] of area.initiatives.entries()) {
          const code = `${area.code}-${j + 1}`;
          const initiativeData = {
            position: j + 1,
            marker: initiative.marker,
            titleJa: initiative.title.ja,
            titleEn: initiative.title.en,
            exampleActionJa: initiative.exampleAction.ja,
            exampleActionEn: initiative.exampleAction.en,
          };
          const row = await tx.initiative.upsert({
            where: { areaId_code: { areaId: areaRow.id, code } },
            create: { areaId: areaRow.id, code, ...initiativeData },
            update: initiativeData,
          });
          await tx.initiativeTag.deleteMany({ where: { initiativeId: row.id } });
          await tx.initiativeTag.createMany({
            data: initiative.tags.map((tag) => {
              const priorityPolicyId = priorityIds.get(tag);
              if (!priorityPolicyId) throw new Error(`initiative ${code}: unknown tag ${tag}`);
              return { initiativeId: row.id, priorityPolicyId };
            }),
          });
        }
      }

      for (const [i, body] of seed.promotionBodies.entries()) {
        const bodyRow = await tx.promotionBody.upsert({
          where: { policyId_code: { policyId, code: body.code } },
          create: { policyId, code: body.code, position: i + 1, nameJa: body.name.ja, nameEn: body.name.en },
          update: { position: i + 1, nameJa: body.name.ja, nameEn: body.name.en },
        });
        for (const [j, role] of body.roles.entries()) {
          const data = {
            position: j + 1,
            holderJa: role.holder.ja,
            holderEn: role.holder.en,
            titleJa: role.title.ja,
            titleEn: role.title.en,
          };
          await tx.promotionRole.upsert({
            where: { bodyId_code: { bodyId: bodyRow.id, code: role.code } },
            create: { bodyId: bodyRow.id, code: role.code, ...data },
            update: data,
          });
        }
      }

      for (const [i, actor] of seed.actors.entries()) {
        const data = {
          position: i + 1,
          nameJa: actor.name.ja,
          nameEn: actor.name.en,
          dutiesJa: actor.duties.map((d) => d.ja),
          dutiesEn: actor.duties.map((d) => d.en),
        };
        await tx.actor.upsert({
          where: { policyId_code: { policyId, code: actor.code } },
          create: { policyId, code: actor.code, ...data },
          update: data,
        });
      }

      for (const period of seed.planPeriods) {
        // Only created here: once HR edits a period in the portal, the portal's data wins.
        await tx.planPeriod.upsert({
          where: { policyId_ordinal: { policyId, ordinal: period.ordinal } },
          create: {
            policyId,
            ordinal: period.ordinal,
            nameJa: period.name.ja,
            nameEn: period.name.en,
            startFiscalYear: period.startFiscalYear,
            endFiscalYear: period.endFiscalYear,
            status: 'published',
          },
          update: {},
        });
      }
      return policyId;
    },
    { timeout: 60_000 },
  );
}
