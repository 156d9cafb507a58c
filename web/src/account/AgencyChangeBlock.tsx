import CloseIcon from '@mui/icons-material/Close';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { agencyChangeRequestSchema } from '../../../domain/schemas/agency-change';
import { OrganizationPicker } from '../apply/organization/OrganizationPicker';
import { ApiError, errorMessage } from '../lib/api';
import { useResource } from '../lib/data';
import { formatDateTime } from '../lib/datetime';
import { useSingleFlight } from '../lib/useSingleFlight';
import { ROUTES } from '../routes/paths';
import { BlockCard, Facts } from './BlockCard';
import { selfServiceApi, type AgencyChangeOverview as Overview } from './selfServiceApi';

/**
 * 機關(單位)異動 (manual 第二章 第三節 參 九): 目前機關/單位, and 機關(單位)異動申請 — the new unit chosen
 * level by level, the ※停用檢查 and the warning that the account is disabled and signed out until the
 * new agency's admin approves. A failed pre-check says what to hand over, and to whom.
 */
export function AgencyChangeBlock() {
  const { data, error, reload } = useResource(selfServiceApi.agencyChange);
  const [open, setOpen] = useState(false);

  return (
    <BlockCard
      title="機關(單位)異動"
      actions={
        <Button variant="outlined" disabled={!data || Boolean(data.openRequest)} onClick={() => setOpen(true)}>
          機關(單位)異動申請
        </Button>
      }
    >
      <Stack spacing={1.5} id="agency-change">
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        {data && (
          <Facts
            rows={[
              ['目前機關/單位', data.current.organizationPath],
              ...(data.latest
                ? ([
                    [
                      '最近一次申請',
                      `${formatDateTime(data.latest.submittedAt)} 調入 ${data.latest.toOrganizationPath}（${data.latest.statusLabel}）`,
                    ],
                  ] as const)
                : []),
            ]}
          />
        )}
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          送出申請後，帳號將強制停用及登出，待新機關的機關管理者審核通過後方可登入。
        </Typography>
      </Stack>
      {open && data && (
        <RequestDialog
          overview={data}
          onClose={() => {
            setOpen(false);
            reload();
          }}
        />
      )}
    </BlockCard>
  );
}

function RequestDialog({ overview, onClose }: { overview: Overview; onClose: () => void }) {
  const [unit, setUnit] = useState('');
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const { run, pending } = useSingleFlight();
  const titleId = useId();
  const unitLabelId = useId();
  const blocked = !overview.precheck.ok;

  const submit = () =>
    run(async () => {
      const parsed = agencyChangeRequestSchema.safeParse({ organizationCode: unit, reason });
      if (!parsed.success) {
        setFieldErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
        return;
      }
      try {
        await selfServiceApi.requestAgencyChange(parsed.data);
        // The account is already signed out: leave for the public page that says what happens next.
        window.location.assign(ROUTES.agencyChangeSubmitted.path);
      } catch (cause) {
        if (cause instanceof ApiError && Object.keys(cause.fields).length) setFieldErrors({ ...cause.fields });
        else setRefusal(errorMessage(cause));
      }
    });

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby={titleId}>
      <DialogTitle id={titleId} sx={{ pr: 6 }}>
        機關(單位)異動申請
        <IconButton aria-label="關閉" onClick={onClose} sx={{ position: 'absolute', right: 8, top: 8 }}>
          <CloseIcon />
        </IconButton>
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2">目前機關/單位：{overview.current.organizationPath}</Typography>
          <Alert severity="warning">送出申請後，帳號將強制停用及登出，待新機關的機關管理者審核通過後方可登入。</Alert>
          <Alert severity={blocked ? 'error' : 'info'} role={blocked ? 'alert' : undefined}>
            <strong>※停用檢查</strong>
            <Typography variant="body2" component="div">
              (一) 如有保管郵件帳號，須先將保管帳號移轉保管人。
              <br />
              (二) 如為該機關唯一機關管理者，須先指派同機關其他人為機關管理者。
            </Typography>
            {blocked && (
              <Typography variant="body2" component="div" sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>
                {overview.precheck.problems.map((p) => p.message).join('\n')}
              </Typography>
            )}
          </Alert>
          {refusal && (
            <Alert severity="error" role="alert" sx={{ whiteSpace: 'pre-wrap' }}>
              {refusal}
            </Alert>
          )}
          {!blocked && (
            <>
              <Typography id={unitLabelId} variant="subtitle2">
                調入單位（請依單位層級依序選擇）
              </Typography>
              <OrganizationPicker
                labelledBy={unitLabelId}
                value={unit}
                onChange={(code) => {
                  setUnit(code);
                  setFieldErrors((e) => ({ ...e, organizationCode: '' }));
                }}
                error={fieldErrors.organizationCode || undefined}
              />
              <TextField
                fullWidth
                multiline
                minRows={2}
                name="reason"
                label="說明（選填）"
                value={reason}
                error={Boolean(fieldErrors.reason)}
                helperText={fieldErrors.reason}
                onChange={(event) => setReason(event.target.value)}
                slotProps={{ htmlInput: { maxLength: 500 } }}
              />
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>取消</Button>
        {!blocked && (
          <Button variant="contained" loading={pending} onClick={() => void submit()}>
            送出
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
