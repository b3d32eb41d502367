import commonPasswordsUrl from 'virtual:common-passwords';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export const inputClass =
  'mt-2 block w-full min-h-14 rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-std-16N-170 text-solid-gray-900 aria-invalid:border-error-1';

type Estimate = (password: string, userInputs: string[]) => number;
let estimator: Promise<Estimate> | undefined;

/**
 * The common passwords (the list the server refuses), fetched as data from the build's own file: the
 * list is larger than a script chunk may be (decision 037). Without it — offline, say — the meter
 * still judges length, keyboard patterns and the diceware words.
 */
async function commonPasswordList(): Promise<string[]> {
  try {
    const res = await fetch(commonPasswordsUrl);
    return res.ok ? (await res.text()).split('\n') : [];
  } catch {
    return [];
  }
}

/** zxcvbn-ts with the common passwords, diceware words and keyboard patterns, loaded when first needed. */
function loadEstimator(): Promise<Estimate> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common/dist/diceware.json.mjs'),
    import('@zxcvbn-ts/language-common/dist/adjacencyGraphs.json.mjs'),
    commonPasswordList(),
  ]).then(([core, diceware, graphs, passwords]) => {
    const factory = new core.ZxcvbnFactory({
      dictionary: { 'passwords-common': passwords, 'diceware-common': diceware.default },
      graphs: graphs.default,
    });
    return (password, userInputs) => factory.check(password, userInputs).score;
  });
  return estimator;
}

/**
 * A new password with a strength meter (0–4). The rules themselves (length, common passwords, one's
 * own name) are the server's; the meter only helps choose.
 */
export function NewPasswordInput(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  userInputs: string[];
  minLength: number;
  invalid: boolean;
  describedBy?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  const [score, setScore] = useState<number | null>(null);
  const { value, userInputs } = props;
  useEffect(() => {
    if (!value) {
      setScore(null);
      return;
    }
    let live = true;
    void loadEstimator().then((estimate) => {
      if (live) setScore(estimate(value, userInputs));
    });
    return () => {
      live = false;
    };
  }, [value, userInputs]);
  const length = [...value].length;
  const short = length > 0 && length < props.minLength;
  const shown = short ? 0 : score;
  return (
    <div>
      <label htmlFor={id} className="text-std-17B-170 text-solid-gray-900">
        {props.label}
      </label>
      <p id={hintId} className="mt-1 text-std-16N-170 text-solid-gray-700">
        {t('myAccount.password.rules', { min: props.minLength })}
      </p>
      <input
        id={id}
        name="new-password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={256}
        value={value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.invalid || undefined}
        aria-describedby={[hintId, props.describedBy].filter(Boolean).join(' ')}
        className={inputClass}
      />
      <div className="mt-2 flex items-center gap-3">
        <meter
          min={0}
          max={4}
          low={2}
          high={3}
          optimum={4}
          value={shown ?? 0}
          aria-label={t('myAccount.password.strength')}
          className="h-3 w-40"
        />
        <span aria-live="polite" className="text-std-16N-170">
          {shown === null ? '' : t(`myAccount.password.score.${shown}`)}
          {short ? ` — ${t('myAccount.password.tooShortYet', { count: props.minLength - length })}` : ''}
        </span>
      </div>
    </div>
  );
}
