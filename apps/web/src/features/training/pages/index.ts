/** The training pages, loaded together on the first visit to /training. */
export { AcceptancePage } from './acceptance-page.tsx';
export { ApprovalsPage } from './approvals-page.tsx';
export { CataloguePage } from './catalogue-page.tsx';
export { CourseEditorPage } from './course-editor-page.tsx';
export { CoursePage } from './course-page.tsx';
export { MyApplicationsPage } from './my-applications-page.tsx';
export { RosterPage } from './roster-page.tsx';
