import { Outlet } from 'react-router';
import { OfflineBanner } from '../../shared/ui/states.tsx';
import { IdleWarning } from './idle-warning.tsx';
import { PageFrame } from './page-frame.tsx';
import { SiteHeader } from './site-header.tsx';

export { MAIN_ID } from './page-frame.tsx';

/** The signed-in layout: header with the person, sign-out and navigation. */
export function RootLayout() {
  return (
    <PageFrame header={<SiteHeader />}>
      <OfflineBanner />
      <Outlet />
      <IdleWarning />
    </PageFrame>
  );
}
