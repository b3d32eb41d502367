import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../shared/ui/button.tsx';
import { useErrorMessage } from '../../../shared/ui/states.tsx';
import { useConfirmTotp, useStartTotp } from '../api/account.ts';
import { inputClass } from './password-input.tsx';

/**
 * Enrolling an authenticator app: a QR code (and the secret to type in), a code to confirm, then the
 * ten recovery codes, shown this once.
 */
export function TotpEnrolment({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const start = useStartTotp();
  const confirm = useConfirmTotp();
  const [code, setCode] = useState('');
  const codeId = useId();
  const errorId = useId();
  const startError = useErrorMessage(start.error);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    confirm.mutate(code.trim());
  };

  if (confirm.data) {
    return (
      <div className="flex flex-col gap-4">
        <p role="status" className="rounded-8 border-2 border-success-1 bg-green-50 p-4 text-std-16N-170">
          {t('myAccount.totp.enrolled')}
        </p>
        <h3 className="text-std-18B-160">{t('myAccount.totp.recoveryTitle')}</h3>
        <p className="text-std-16N-170">{t('myAccount.totp.recoveryLead')}</p>
        <ul
          data-testid="recovery-codes"
          className="grid max-w-md grid-cols-2 gap-2 font-mono text-std-16N-170"
        >
          {confirm.data.recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        {onDone ? (
          <Button onClick={onDone} className="self-start">
            {t('myAccount.totp.continue')}
          </Button>
        ) : null}
      </div>
    );
  }

  if (!start.data) {
    return (
      <div className="flex flex-col gap-3">
        {start.isError ? (
          <p role="alert" className="text-std-16N-170 text-error-2">
            {startError}
          </p>
        ) : null}
        <Button onClick={() => start.mutate()} disabled={start.isPending} className="self-start">
          {t('myAccount.totp.start')}
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4">
      <p className="text-std-16N-170">{t('myAccount.totp.scan')}</p>
      <img
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(start.data.qrSvg)}`}
        alt={t('myAccount.totp.qrAlt')}
        width={200}
        height={200}
        className="border border-solid-gray-200"
      />
      <p className="text-std-16N-170">
        {t('myAccount.totp.secret')}{' '}
        <code data-testid="totp-secret" className="break-all font-mono">
          {start.data.secret}
        </code>
      </p>
      {confirm.isError ? (
        <p id={errorId} role="alert" className="text-std-16B-170 text-error-2">
          {t('myAccount.totp.wrongCode')}
        </p>
      ) : null}
      <div>
        <label htmlFor={codeId} className="text-std-17B-170 text-solid-gray-900">
          {t('myAccount.totp.code')}
        </label>
        <input
          id={codeId}
          name="totp-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          maxLength={8}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          aria-invalid={confirm.isError || undefined}
          aria-describedby={confirm.isError ? errorId : undefined}
          className={`${inputClass} max-w-48`}
        />
      </div>
      <Button type="submit" disabled={confirm.isPending} className="self-start">
        {t('myAccount.totp.confirm')}
      </Button>
    </form>
  );
}
