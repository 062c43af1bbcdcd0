import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { localeTagOf } from '../shared/i18n/lang-store';
import { useLang } from '../shared/i18n/useLang';
import { createQueryClient } from './query-client';
import { createRouter } from './router';

const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1d4ed8',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#0f2a5c', headerPadding: '0 16px', bodyBg: '#f3f5f9', siderBg: '#ffffff' },
  },
};

/** Providers: react-query, AntD (theme + zh_CN / en_US locale), AntD App (message/modal context), router. */
export function App() {
  const lang = useLang();
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);

  useEffect(() => {
    document.documentElement.lang = localeTagOf(lang);
  }, [lang]);

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={THEME}>
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
