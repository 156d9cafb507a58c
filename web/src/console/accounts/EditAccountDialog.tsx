import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../lib/api';
import { accountDetailApi, type AccountDetail, type AccountEdit } from './accountDetailApi';

const FIELDS: { name: keyof AccountEdit; label: string; required?: boolean }[] = [
  { name: 'name', label: '姓名', required: true },
  { name: 'title', label: '職稱', required: true },
  { name: 'officePhone', label: '公務電話', required: true },
  { name: 'officeExt', label: '分機' },
];

/** 帳號管理 › 編輯: 姓名、職稱、公務電話、分機 (validated by the server like 個人帳號管理; AD follows). */
export function EditAccountDialog({
  account,
  onSaved,
  onClose,
}: {
  account: AccountDetail;
  onSaved: () => void;
  onClose: () => void;
}) {
  const [values, setValues] = useState<AccountEdit>({
    name: account.name,
    title: account.title ?? '',
    officePhone: account.officePhone ?? '',
    officeExt: account.officeExt ?? '',
  });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof AccountEdit, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const titleId = useId();

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await accountDetailApi.update(account.id, values);
      onSaved();
    } catch (cause) {
      if (cause instanceof ApiError && Object.keys(cause.fields).length > 0) setFieldErrors(cause.fields);
      else setError(errorMessage(cause));
      setPending(false);
    }
  };

  return (
    <Dialog open onClose={pending ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={save}>
        <DialogTitle id={titleId}>編輯帳號資料</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            {FIELDS.map((f) => (
              <TextField
                key={f.name}
                name={f.name}
                label={f.label}
                required={f.required}
                value={values[f.name]}
                error={Boolean(fieldErrors[f.name])}
                helperText={fieldErrors[f.name]}
                onChange={(e) => {
                  setValues((v) => ({ ...v, [f.name]: e.target.value }));
                  setFieldErrors((errors) => ({ ...errors, [f.name]: undefined }));
                }}
              />
            ))}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={pending}>
            取消
          </Button>
          <Button type="submit" variant="contained" loading={pending}>
            儲存
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
