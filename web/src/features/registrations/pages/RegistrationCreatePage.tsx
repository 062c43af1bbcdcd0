import type { Organisation } from '#shared/contracts/organisations.contract';
import { chinaToday } from '#shared/format/china-time';
import { Button, Card, Flex, Result } from 'antd';
import { useEffect, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import { useSession } from '../../../shared/auth/useSession';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useOrganisation } from '../../organisations/organisations.api';
import { RegistrationForm } from '../components/RegistrationForm';
import { registrationMessages } from '../messages';
import type { PartyFormValues, RegistrationFormValues } from '../registration-form';
import { createFromDeal, useRegistrationMutation } from '../registrations.api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function partyFrom(org: Organisation | undefined): PartyFormValues {
  if (!org) {
    return { countryCode: 'CN' };
  }
  return {
    organisationId: org.id,
    name: org.name,
    type: org.type,
    ...(org.enterpriseOwnership ? { enterpriseOwnership: org.enterpriseOwnership } : {}),
    ...(org.creditCode ? { creditCode: org.creditCode } : {}),
    countryCode: 'CN',
    regionCode: org.regionCode,
  };
}

/** Starts from a concluded deal: creates the pre-filled draft once and opens it. */
function FromDeal({ dealId }: { dealId: string }) {
  const t = useMessages(registrationMessages);
  const navigate = useNavigate();
  const [, setParams] = useSearchParams();
  const create = useRegistrationMutation(createFromDeal);
  const started = useRef(false);
  const { mutate } = create;

  useEffect(() => {
    // Once per page visit, also under StrictMode's double effects.
    if (started.current) {
      return;
    }
    started.current = true;
    mutate(dealId, { onSuccess: (r) => void navigate(`/registrations/${r.id}`, { replace: true }) });
  }, [dealId, mutate, navigate]);

  if (create.isError) {
    const details = isApiError(create.error) ? create.error.details : undefined;
    // A duplicate names the registration the deal already has.
    const existing =
      typeof details?.['registrationId'] === 'string'
        ? details['registrationId']
        : typeof details?.['registration'] === 'string'
          ? details['registration']
          : undefined;
    return (
      <Card>
        <ErrorAlert error={create.error} title={t.fromDeal.failed} />
        <Flex gap={8} style={{ marginTop: 16 }} wrap>
          {existing && UUID.test(existing) ? (
            <Button type="primary" onClick={() => void navigate(`/registrations/${existing}`)}>
              {t.fromDeal.openExisting}
            </Button>
          ) : null}
          <Button onClick={() => void navigate(`/market/deals/${encodeURIComponent(dealId)}`)}>{t.fromDeal.backToDeal}</Button>
          <Button onClick={() => setParams({}, { replace: true })} data-testid="registration-fill-manually">
            {t.fromDeal.fillManually}
          </Button>
        </Flex>
      </Card>
    );
  }
  return (
    <Card>
      <Result icon={<LoadingBlock minHeight={80} />} title={t.fromDeal.creating} />
    </Card>
  );
}

/**
 * /registrations/new — a new registration form; `?dealId=` creates the draft from a concluded
 * market deal instead and opens it. The seller defaults to the user's first organisation.
 */
export function RegistrationCreatePage() {
  const t = useMessages(registrationMessages);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const dealId = params.get('dealId');
  const { user } = useSession();
  const firstOrg = user?.organisationIds[0];
  const org = useOrganisation(dealId ? undefined : firstOrg);

  let body;
  if (dealId) {
    body = <FromDeal dealId={dealId} />;
  } else if (firstOrg && org.isPending) {
    body = <LoadingBlock />;
  } else {
    const today = chinaToday(new Date());
    const initialValues: RegistrationFormValues = {
      seller: partyFrom(org.data),
      buyer: { countryCode: 'CN' },
      planCategory: 'none',
      paymentMethod: 'lump_sum',
      signedOn: today,
      validFrom: today,
    };
    body = (
      <Card>
        <RegistrationForm
          mode="create"
          initialValues={initialValues}
          onDone={(r) => void navigate(`/registrations/${r.id}`)}
          onCancel={() => void navigate('/registrations')}
        />
      </Card>
    );
  }

  return (
    <>
      <PageHeader title={t.form.createTitle} subtitle={t.form.createSubtitle} extra={<Link to="/registrations">{t.detail.back}</Link>} />
      <div style={{ maxWidth: 1100 }}>{body}</div>
    </>
  );
}
