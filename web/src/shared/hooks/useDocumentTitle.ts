import { useEffect } from 'react';
import { useMessages } from '../i18n/messages';
import { uiMessages } from '../ui/messages';

/** Sets the browser tab title to '<page> · 技术转移网络平台' while the page is shown. */
export function useDocumentTitle(pageTitle: string | undefined): void {
  const { appName } = useMessages(uiMessages);
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${appName}` : `${appName} TransferNet`;
  }, [pageTitle, appName]);
}
