/**
 * Demo activity on top of the demo organisation (demo mode only): each feature's demo records, in an
 * order that lets later ones refer to earlier ones (the catalogue before enrolments, …). Each seeder
 * is safe to run again: it does nothing when its records are there.
 */
import type { Db } from '../client.ts';
import { demoCareerSeeder } from './demo-career.seed.ts';
import { demoNotificationsSeeder } from './demo-notifications.seed.ts';
import { demoOjtSeeder } from './demo-ojt.seed.ts';
import { demoOneOnOneSeeder } from './demo-one-on-one.seed.ts';
import { demoPlanSeeder } from './demo-plan.seed.ts';
import { demoSelfDeclarationSeeder } from './demo-self-declaration.seed.ts';
import { demoSurveySeeder } from './demo-survey.seed.ts';
import { demoTrainingSeeder } from './demo-training.seed.ts';

export type DemoSeeder = { name: string; seed: (db: Db) => Promise<void> };

export const demoSeeders: DemoSeeder[] = [
  demoTrainingSeeder,
  demoCareerSeeder,
  demoOjtSeeder,
  demoOneOnOneSeeder,
  demoSelfDeclarationSeeder,
  demoSurveySeeder,
  // the 推進計画 last: its computed KPIs read what the others seed
  demoPlanSeeder,
  // what the records above would have told people
  demoNotificationsSeeder,
];

export async function seedDemoActivity(db: Db): Promise<void> {
  for (const seeder of demoSeeders) await seeder.seed(db);
}
