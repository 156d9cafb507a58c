import LockOutlined from '@mui/icons-material/LockOutlined';
import { PORTAL_HOME } from './homeLink';
import { StatusPage } from './StatusPage';

export function ForbiddenPage({ title }: { title: string }) {
  return (
    <StatusPage
      title={title}
      heading="您沒有使用此功能的權限"
      icon={<LockOutlined />}
      description={<>「{title}」僅開放給具有相關管理權限的帳號使用。如需使用，請洽本機關管理者或系統管理員。</>}
      home={PORTAL_HOME}
    />
  );
}
