import type { StaffDetail } from '@portal/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../shared/ui/button.tsx';
import { useErrorMessage } from '../../../shared/ui/states.tsx';
import { useSetStaffRoles } from '../api/set-staff-roles.ts';
import { sectionTitleClass } from './form-styles.ts';

/**
 * HR grants or revokes a person's HR administration, after confirming. The API refuses revoking
 * one's own and the last one (409, shown as the translated reason).
 */
export function HrAdminRole({ person, displayName }: { person: StaffDetail; displayName: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<'granted' | 'revoked' | null>(null);
  const mutation = useSetStaffRoles(person.id);
  const errorMessage = useErrorMessage(mutation.error);
  const grant = !person.hrAdmin;

  return (
    <section aria-labelledby={headingId} className="mt-10">
      <h2 id={headingId} className={sectionTitleClass}>
        {t('identity.person.role.title')}
      </h2>
      <p className="text-std-16N-170" data-testid="hr-admin-state">
        {person.hrAdmin ? t('identity.person.role.holds') : t('identity.person.role.notHolds')}
      </p>
      <p aria-live="polite" className="mt-2 text-std-16N-170 text-solid-gray-800">
        {done ? t(`identity.person.role.done.${done}`, { name: displayName }) : null}
      </p>
      {mutation.isError && !confirming ? (
        <p role="alert" className="mt-2 text-std-16N-170 text-error-2">
          {errorMessage}
        </p>
      ) : null}
      {confirming ? (
        <div className="mt-4 rounded-8 border-2 border-solid-gray-420 bg-solid-gray-50 p-4">
          <p className="text-std-16B-170 text-solid-gray-900">
            {grant
              ? t('identity.person.role.confirmGrant', { name: displayName })
              : t('identity.person.role.confirmRevoke', { name: displayName })}
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            <Button
              disabled={mutation.isPending}
              onClick={() =>
                mutation.mutate(
                  { hrAdmin: grant, version: person.version },
                  {
                    onSuccess: () => setDone(grant ? 'granted' : 'revoked'),
                    onSettled: () => setConfirming(false),
                  },
                )
              }
            >
              {mutation.isPending
                ? t('identity.person.role.working')
                : grant
                  ? t('identity.person.role.doGrant')
                  : t('identity.person.role.doRevoke')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={mutation.isPending}>
              {t('identity.person.role.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button
          variant="secondary"
          className="mt-4"
          onClick={() => {
            setDone(null);
            mutation.reset();
            setConfirming(true);
          }}
        >
          {grant ? t('identity.person.role.grant') : t('identity.person.role.revoke')}
        </Button>
      )}
    </section>
  );
}
