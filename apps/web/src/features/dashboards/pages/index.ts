// One chunk for the dashboards (recharts with them).
export { DashboardsHomePage } from './dashboards-home-page.tsx';
export { OrgUnitDashboardPage } from './org-unit-page.tsx';
export { RolloutPage } from './rollout-page.tsx';
export { RolloutPrintPage } from './rollout-print-page.tsx';
