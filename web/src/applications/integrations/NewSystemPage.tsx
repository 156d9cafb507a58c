import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import { useNavigate } from 'react-router';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { useResource } from '../../lib/data';
import { ROUTES } from '../../routes/paths';
import { integrationsApi } from './api';
import { SystemForm } from './SystemForm';
import { useAgencyChoices } from './useAgencyChoices';

/** 新增應用系統: 管理機關 and 聯絡人 from the user's profile; 確定 → the list, where the new system shows. */
export default function NewSystemPage() {
  const navigate = useNavigate();
  const defaults = useResource((signal: AbortSignal) => integrationsApi.defaults(signal), []);
  const agencies = useAgencyChoices(defaults.data?.agency);
  const d = defaults.data;
  return (
    <>
      <PageHeading title={ROUTES.integrationSystemNew.title} />
      {defaults.error && <Alert severity="error">{defaults.error}</Alert>}
      {(!d || !agencies) && !defaults.error && <LoadingScreen label="讀取中…" />}
      {d && agencies && (
        <Paper sx={{ p: { xs: 2, sm: 3 }, maxWidth: 760 }}>
          <SystemForm
            label={ROUTES.integrationSystemNew.title}
            agencies={agencies}
            initial={{
              name: '',
              shortName: '',
              agencyId: d.agency.id,
              contactName: d.contactName,
              contactPhone: d.contactPhone,
              contactEmail: d.contactEmail,
              vendorName: '',
              description: '',
              url: '',
              productionIps: [''],
            }}
            onSubmit={async (input) => {
              const created = await integrationsApi.create(input);
              void navigate(ROUTES.integrationApplication.path, {
                state: { notice: `已新增應用系統「${input.name}」。`, createdId: created.id },
              });
            }}
            onCancel={() => void navigate(ROUTES.integrationApplication.path)}
          />
        </Paper>
      )}
    </>
  );
}
