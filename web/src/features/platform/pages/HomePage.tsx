import { Button, Flex, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../../../shared/auth/useSession';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { formatDateTime } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { FigureCards } from '../components/FigureCards';
import { platformMessages } from '../messages';
import { usePlatformFigures } from '../platform.api';

// The charts (and echarts with them) load after the figures are on screen.
const FigureCharts = lazy(() => import('../components/FigureCharts').then((m) => ({ default: m.FigureCharts })));

/** / — hero, live figures, organisations by province and type. */
export function HomePage() {
  const lang = useLang();
  const t = useMessages(platformMessages);
  const { user } = useSession();
  const figures = usePlatformFigures();
  useDocumentTitle(undefined);

  return (
    <Flex vertical gap={24}>
      <section className="tn-hero" aria-labelledby="hero-title">
        <Typography.Title id="hero-title" level={1} style={{ color: 'inherit', marginTop: 0 }}>
          {t.heroTitle} <span className="tn-hero-sub">{t.heroSubtitle}</span>
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'inherit', fontSize: 16, maxWidth: 760 }}>{t.heroText}</Typography.Paragraph>
        <Flex gap={12} wrap>
          <Link to="/organisations">
            <Button size="large" type="primary" ghost={false}>
              {t.browseOrganisations}
            </Button>
          </Link>
          {user ? null : (
            <Link to="/register">
              <Button size="large">{t.register}</Button>
            </Link>
          )}
        </Flex>
      </section>

      <section aria-labelledby="figures-title">
        <Typography.Title id="figures-title" level={3}>
          {t.figuresTitle}
        </Typography.Title>
        {figures.isError && !figures.data ? (
          <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} />
        ) : (
          <FigureCards figures={figures.data} loading={figures.isPending} />
        )}
        {figures.data ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t.generatedAt(formatDateTime(figures.data.generatedAt, lang))}
          </Typography.Paragraph>
        ) : null}
      </section>

      {figures.data ? (
        <Suspense fallback={<LoadingBlock minHeight={360} />}>
          <FigureCharts figures={figures.data} />
        </Suspense>
      ) : null}
    </Flex>
  );
}
