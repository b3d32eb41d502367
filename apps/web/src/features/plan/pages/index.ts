// One chunk for the 推進計画's pages.
export { ItemPage } from './item-page.tsx';
export { PeriodPage } from './period-page.tsx';
export { PlanPage } from './plan-page.tsx';
