import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { LoadingScreen } from '../common/LoadingScreen';
import { PageHeading } from '../common/PageHeading';
import { useResource } from '../lib/data';
import { ROUTES } from '../routes/paths';
import { AgencyAdminList } from './AgencyAdminList';
import { communicationApi } from './api';

/** 公務通訊資源 › 本機關管理者 (manual 第二章第三節): the admins of the user's own agency. */
export default function MyAgencyAdminsPage() {
  const { data: admins, error } = useResource(communicationApi.myAgencyAdmins);

  return (
    <>
      <PageHeading title={ROUTES.myAgencyAdmins.title} />
      {error && <Alert severity="error">{error}</Alert>}
      {!admins && !error && <LoadingScreen label="讀取機關管理者中…" />}
      {admins && (
        <Paper component="section" aria-label={ROUTES.myAgencyAdmins.title} sx={{ p: { xs: 2, sm: 3 } }}>
          <Typography sx={{ color: 'text.secondary', mb: 2 }}>
            您所屬機關：<strong>{admins.agency.name}</strong>。帳號申請、復用、權限與機關異動由下列人員審核。
          </Typography>
          <AgencyAdminList admins={admins} />
        </Paper>
      )}
    </>
  );
}
