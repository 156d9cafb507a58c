import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { PublicPanel } from '../apply/PublicPanel';
import { agencyOptions, type AgencyOption } from '../apply/organization/orgCascade';
import { useOrganizations } from '../apply/organization/useOrganizations';
import { LoadingScreen } from '../common/LoadingScreen';
import { RouterLink } from '../common/RouterLink';
import { api, isApiError, errorMessage } from '../lib/api';
import { ROUTES } from '../routes/paths';
import { identityHeaders } from '../verification/api';
import { IdentityVerification } from '../verification/IdentityVerification';
import { emailMethod, mobileIdMethod } from '../verification/methodList';
import type { VerificationMethod, VerifiedIdentity } from '../verification/methods';
import { AgencyAdminList, type AgencyAdmins } from './AgencyAdminList';

const METHODS: readonly VerificationMethod[] = [
  mobileIdMethod(
    '使用行動自然人憑證',
    '輸入公務帳號註冊時填寫的身分證字號後，以手機「行動自然人憑證」APP 接收推播或掃描 QRCode 完成驗證。',
  ),
  emailMethod('輸入個人帳號申請時填寫、或帳號已綁定的備用信箱（非 @mail.tainan.gov.tw）及圖形驗證碼，再輸入寄至信箱的驗證碼。'),
];

/**
 * 機關管理員查詢 (manual 第二章第二節 陸, 圖 26; not logged in): 身分驗證 first, then pick an agency
 * and see its admins' contact details, e.g. to reach whoever signs an account application.
 */
export default function AgencyAdminLookupPage() {
  const [identity, setIdentity] = useState<VerifiedIdentity | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const expired = useCallback(() => {
    setIdentity(null);
    setNotice('身分驗證已逾時，請重新驗證。');
  }, []);

  return (
    <PublicPanel
      title={ROUTES.agencyAdminLookup.title}
      footer={
        <>
          <RouterLink to={ROUTES.accountApplication.path}>{ROUTES.accountApplication.title}</RouterLink>
          <RouterLink to={ROUTES.landing.path}>回公務入口網首頁</RouterLink>
        </>
      }
    >
      {identity ? (
        <Lookup identity={identity} onExpired={expired} />
      ) : (
        <Box sx={{ maxWidth: 620, mx: 'auto' }}>
          <Typography sx={{ mb: 2 }}>此功能須完成身分驗證後方可使用，請選擇身分驗證方式。</Typography>
          {notice && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {notice}
            </Alert>
          )}
          <IdentityVerification methods={METHODS} purpose="ADMIN_LOOKUP" submitLabel="確定" onVerified={setIdentity} />
        </Box>
      )}
    </PublicPanel>
  );
}

function Lookup({ identity, onExpired }: { identity: VerifiedIdentity; onExpired: () => void }) {
  const { index, error: orgError } = useOrganizations();
  const options = useMemo(() => (index ? agencyOptions(index) : []), [index]);
  const [agency, setAgency] = useState<AgencyOption | null>(null);
  const [answer, setAnswer] = useState<{ code: string; admins?: AgencyAdmins; error?: string } | null>(null);

  useEffect(() => {
    if (!agency) return;
    const controller = new AbortController();
    api
      .get<AgencyAdmins>(`/api/agency-admin-lookup/${encodeURIComponent(agency.code)}`, {
        signal: controller.signal,
        headers: identityHeaders(identity),
      })
      .then(
        (admins) => setAnswer({ code: agency.code, admins }),
        (cause: unknown) => {
          if (controller.signal.aborted) return;
          if (isApiError(cause) && cause.code === 'VERIFICATION_REQUIRED') onExpired();
          else setAnswer({ code: agency.code, error: errorMessage(cause) });
        },
      );
    return () => controller.abort();
  }, [agency, identity, onExpired]);

  const current = agency && answer?.code === agency.code ? answer : null;
  return (
    <>
      <Alert severity="success" sx={{ mb: 3 }}>
        {identity.email ? `已通過備用信箱 ${identity.email} 驗證。` : '已完成身分驗證。'}請選擇要查詢的機關。
      </Alert>
      {orgError && <Alert severity="error">{orgError}</Alert>}
      <Autocomplete<AgencyOption>
        options={options}
        value={agency}
        onChange={(_event, option) => setAgency(option)}
        getOptionLabel={(option) => option.label}
        isOptionEqualToValue={(option, other) => option.code === other.code}
        loading={!index}
        loadingText="載入中…"
        noOptionsText="查無機關"
        sx={{ mb: 3, maxWidth: 560 }}
        renderInput={(params) => <TextField {...params} label="機關" placeholder="輸入機關名稱查詢" />}
      />
      {agency && !current && <LoadingScreen label="查詢機關管理員中…" />}
      {current?.error && <Alert severity="error">{current.error}</Alert>}
      {current?.admins && (
        <section aria-label={`${current.admins.agency.name}的機關管理員`}>
          <Typography variant="h2" sx={{ mb: 1.5 }}>
            {current.admins.agency.name}
          </Typography>
          <AgencyAdminList admins={current.admins} />
        </section>
      )}
    </>
  );
}
