// One chunk for the career pages: they share their data and components.
export { MyCareerPage } from './my-career-page.tsx';
export { PersonCareerPage } from './person-career-page.tsx';
