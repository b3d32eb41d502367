// One chunk for the policy pages: they share their data and most components.
export { InitiativesPage } from './initiatives-page.tsx';
export { OverviewPage } from './overview-page.tsx';
export { PrioritiesPage } from './priorities-page.tsx';
export { PromotionPage } from './promotion-page.tsx';
export { RolesPage } from './roles-page.tsx';
export { StaffImagesPage } from './staff-images-page.tsx';
