import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { ROUTES } from '../routes/paths';
import { BlockCard } from './BlockCard';

/**
 * 個人帳號管理 › 代理人設定: approvers name a deputy for their leave on its own page; everyone sees here
 * whom they stand in for today.
 */
export function DelegationBlock() {
  const { state } = useSession();
  if (state.status !== 'authenticated') return null;
  const { roles, deputyFor } = state.user;
  const isApprover = roles.length > 0;
  if (!isApprover && deputyFor.length === 0) return null;
  return (
    <BlockCard
      title={ROUTES.delegations.title}
      actions={
        <Button component={Link} to={ROUTES.delegations.path} variant="outlined">
          {ROUTES.delegations.title}
        </Button>
      }
    >
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {isApprover ? '請假或公出期間，可指定本機關同仁代理您審核申請。' : null}
        {deputyFor.length > 0 ? `您目前代理 ${deputyFor.map((p) => p.name).join('、')} 的審核工作。` : null}
      </Typography>
    </BlockCard>
  );
}
