import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/date.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { Button } from '../ui/button.tsx';
import { warnClass } from '../ui/form-styles.ts';

type Stored<T> = { savedAt: string; value: T };

const PREFIX = 'portal.draft.';
const storageKey = (owner: string, name: string) => `${PREFIX}${owner}.${name}`;

function read<T>(key: string): Stored<T> | null {
  try {
    const text = window.localStorage.getItem(key);
    if (!text) return null;
    const stored = JSON.parse(text) as Stored<T>;
    return typeof stored?.savedAt === 'string' && 'value' in stored ? stored : null;
  } catch {
    return null;
  }
}

/** Forgets every draft of one person (on signing out, so a shared computer keeps none). */
export function clearDrafts(owner: string) {
  try {
    for (const key of Object.keys(window.localStorage))
      if (key.startsWith(`${PREFIX}${owner}.`)) window.localStorage.removeItem(key);
  } catch {
    // storage unavailable: nothing was kept
  }
}

/**
 * Keeps a long form's unsaved text in this browser (per person and form) while it differs from what
 * is saved, so that it survives a session that timed out or a closed tab. When a draft is found on
 * opening the form, `offer` holds it until the person restores or discards it. `clear` after a save.
 */
export function useLocalDraft<T>({
  owner,
  name,
  value,
  dirty,
}: {
  owner: string | undefined;
  name: string;
  value: T;
  dirty: boolean;
}) {
  const key = owner ? storageKey(owner, name) : null;
  const [offer, setOffer] = useState<Stored<T> | null>(() => {
    const stored = key ? read<T>(key) : null;
    return stored && JSON.stringify(stored.value) !== JSON.stringify(value) ? stored : null;
  });

  useEffect(() => {
    if (!key || !dirty || offer) return;
    const timer = window.setTimeout(() => {
      try {
        window.localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), value }));
      } catch {
        // storage full or off: the form still works, only without a draft
      }
    }, 300);
    return () => window.clearTimeout(timer);
  }, [key, value, dirty, offer]);

  const clear = useCallback(() => {
    if (key) window.localStorage.removeItem(key);
    setOffer(null);
  }, [key]);
  const restore = useCallback(() => {
    const value = offer?.value;
    setOffer(null);
    return value;
  }, [offer]);

  return { offer, restore, discard: clear, clear };
}

/** "A draft was kept on this device": restore it into the form, or discard it. */
export function DraftOffer<T>({
  draft,
  onRestore,
}: {
  draft: ReturnType<typeof useLocalDraft<T>>;
  onRestore: (value: T) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!draft.offer) return null;
  return (
    <section aria-label={t('forms.draft.label')} className={`${warnClass} mb-6`}>
      <p>{t('forms.draft.found', { time: formatDateTime(draft.offer.savedAt, language) })}</p>
      <div className="mt-3 flex flex-wrap gap-3">
        <Button
          onClick={() => {
            const value = draft.restore();
            if (value !== undefined) onRestore(value);
          }}
        >
          {t('forms.draft.restore')}
        </Button>
        <Button variant="secondary" onClick={draft.discard}>
          {t('forms.draft.discard')}
        </Button>
      </div>
    </section>
  );
}
