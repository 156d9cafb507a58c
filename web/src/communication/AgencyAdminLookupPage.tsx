import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useMemo, useState } from 'react';
import { PublicPanel } from '../apply/PublicPanel';
import { agencyOptions, type AgencyOption } from '../apply/organization/orgCascade';
import { useOrganizations } from '../apply/organization/useOrganizations';
import { LoadingScreen } from '../common/LoadingScreen';
import { RouterLink } from '../common/RouterLink';
import { isApiError } from '../lib/api';
import { useResource } from '../lib/data';
import { ROUTES } from '../routes/paths';
import { IdentityVerification } from '../verification/IdentityVerification';
import { emailMethod, mobileIdMethod } from '../verification/methodList';
import type { VerificationMethod, VerifiedIdentity } from '../verification/methods';
import { AgencyAdminList } from './AgencyAdminList';
import { communicationApi } from './api';

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
  const code = agency?.code ?? null;
  const expiredBy = (cause: unknown) => isApiError(cause) && cause.code === 'VERIFICATION_REQUIRED';
  // Another agency's admins never stand in for the one picked.
  const answer = useResource(code && ((signal) => communicationApi.lookup(code, identity, signal)), [code, identity], {
    keepPrevious: false,
    onError: (cause) => {
      if (expiredBy(cause)) onExpired();
    },
  });
  const admins = answer.data;
  const error = expiredBy(answer.cause) ? null : answer.error;
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
      {agency && answer.loading && <LoadingScreen label="查詢機關管理員中…" />}
      {error && <Alert severity="error">{error}</Alert>}
      {admins && (
        <section aria-label={`${admins.agency.name}的機關管理員`}>
          <Typography variant="h2" sx={{ mb: 1.5 }}>
            {admins.agency.name}
          </Typography>
          <AgencyAdminList admins={admins} />
        </section>
      )}
    </>
  );
}
