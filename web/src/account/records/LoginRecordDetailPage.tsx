import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { loginActionLabel, loginMethodLabel } from '../../../../domain/login-records';
import { PageHeading } from '../../common/PageHeading';
import { useResource } from '../../lib/data';
import { formatDateTime } from '../../lib/datetime';
import { ROUTES } from '../../routes/paths';
import { recordsApi } from './api';
import { ResultChip } from './LoginRecordsPage';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '10rem 1fr' }, gap: { xs: 0.25, sm: 2 }, py: 1.25 }}>
      <Typography component="dt" sx={{ color: 'text.secondary', fontWeight: 600 }}>
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

/** 個人帳號登入紀錄 › 詳細: one attempt, with why it failed; 返回查詢 goes back to the same search. */
export default function LoginRecordDetailPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch ?? '';
  const { data: record, error } = useResource((signal) => recordsApi.loginRecord(id, signal), [id]);

  const back = (
    <Button component={Link} to={`${ROUTES.loginRecords.path}${listSearch}`} variant="outlined" startIcon={<ArrowBackOutlined />}>
      返回查詢
    </Button>
  );

  return (
    <>
      <PageHeading title={ROUTES.loginRecordDetail.title} actions={back} />
      {error && <Alert severity="error">{error}</Alert>}
      {!record && !error && <CircularProgress aria-label="載入中" />}
      {record && (
        <Paper component="section" aria-label="登入紀錄內容" sx={{ px: { xs: 2, sm: 3 }, py: 1.5 }}>
          <Box component="dl" sx={{ m: 0, '& > div + div': { borderTop: 1, borderColor: 'divider' } }}>
            <Field label="操作時間">{formatDateTime(record.at)}</Field>
            <Field label="登入帳號">{record.account}</Field>
            <Field label="登入方式">
              {loginMethodLabel(record.method)}
              {record.via && <>（經由 {record.via.name} 帳號驗證）</>}
            </Field>
            <Field label="動作">{loginActionLabel(record.action)}</Field>
            <Field label="操作結果">
              <ResultChip result={record.result} />
            </Field>
            {record.result === 'FAILURE' && <Field label="失敗原因">{record.reasonText}</Field>}
            <Field label="IP">{record.ip || '—'}</Field>
            <Field label="瀏覽器">{record.browser}</Field>
            <Field label="瀏覽器識別字串">{record.userAgent || '—'}</Field>
          </Box>
        </Paper>
      )}
    </>
  );
}
