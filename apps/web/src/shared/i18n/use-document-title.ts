import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets `<title>` to `page | portal name`, in the current language. */
export function useDocumentTitle(pageTitle: string | undefined) {
  const { t } = useTranslation();
  const portalName = t('app.name');
  useEffect(() => {
    document.title = pageTitle ? t('app.documentTitle', { page: pageTitle, app: portalName }) : portalName;
  }, [pageTitle, portalName, t]);
}
