import { CareerLadderSection } from '../components/career-ladder.tsx';
import { PlanSection } from '../components/plan-section.tsx';
import { SectionNav, useCareerSection } from '../components/section-nav.tsx';
import { SelfDevelopmentSection } from '../components/self-development-section.tsx';
import { TimelineSection } from '../components/timeline-section.tsx';

/** The four sections of a person's career, one open at a time (`#plan`, `#path`, `#timeline`, `#self-development`). */
export function CareerWorkspace({ staffId, self }: { staffId: string; self: boolean }) {
  const section = useCareerSection();
  return (
    <div className="grid gap-6">
      <SectionNav />
      <div>
        {section === 'plan' ? <PlanSection staffId={staffId} self={self} /> : null}
        {section === 'path' ? <CareerLadderSection staffId={staffId} /> : null}
        {section === 'timeline' ? <TimelineSection staffId={staffId} self={self} /> : null}
        {section === 'self-development' ? <SelfDevelopmentSection staffId={staffId} self={self} /> : null}
      </div>
    </div>
  );
}
