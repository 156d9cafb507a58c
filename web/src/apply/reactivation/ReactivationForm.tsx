import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState, type FormEvent } from 'react';
import { reactivationFormSchema, type ReactivationForm as Body } from '../../../../domain/schemas/account-reactivation';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { FormRow } from '../form/FormRow';
import { OfficeRows } from '../form/OfficeRows';
import { firstInvalid, isVerificationExpired, issuesToErrors, submissionErrors, type FormErrors } from '../form/validation';
import { OrganizationPicker } from '../organization/OrganizationPicker';
import type { ReactivationView } from './api';

interface Values {
  organizationCode: string;
  title: string;
  officePhone: string;
  officeExt: string;
}

interface ReactivationFormProps {
  view: ReactivationView;
  onSubmit: (body: Body) => Promise<void>;
  onCancel: () => void;
  onVerificationExpired: () => void;
}

function focusField(field: string) {
  const row = document.querySelector(`[data-field="${field}"]`);
  row?.querySelector<HTMLElement>('input:not([type="hidden"]), select')?.focus();
  row?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

/**
 * 帳號復用申請表單 (§3.2.5): 帳號 and 姓名 read-only; 機關單位 (the application's cascading picker),
 * 職稱 and 公務電話 / 分機 editable, checked with the API's own schema before 確定.
 */
export function ReactivationForm({ view, onSubmit, onCancel, onVerificationExpired }: ReactivationFormProps) {
  const [values, setValues] = useState<Values>({
    organizationCode: view.organizationCode,
    title: view.title,
    officePhone: view.officePhone,
    officeExt: view.officeExt,
  });
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const { run, pending } = useSingleFlight();
  const ids = { account: useId(), name: useId(), org: useId(), title: useId(), phone: useId() };

  const set = (key: keyof Values, value: string) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (errors[key]) setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const parsed = reactivationFormSchema.safeParse(values);
    if (!parsed.success) {
      const found = issuesToErrors(parsed.error.issues);
      setErrors(found);
      const first = firstInvalid(found);
      if (first) focusField(first);
      return;
    }
    setErrors({});
    await run(async () => {
      try {
        await onSubmit(parsed.data);
      } catch (error) {
        if (isVerificationExpired(error)) return onVerificationExpired();
        const failure = submissionErrors(error);
        setErrors(failure.fields);
        setFormError(failure.message);
      }
    });
  };

  return (
    <Stack
      component="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      spacing={3}
      aria-label="帳號復用申請表單"
      sx={{ '& .MuiFormHelperText-root': { mx: 0 } }}
    >
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        請確認或修改您的個人資料（例如單位、職稱異動），標示{' '}
        <Box component="span" sx={{ color: 'error.main' }}>
          *
        </Box>{' '}
        者為必填欄位。
      </Typography>

      <FormRow label="登入帳號" htmlFor={ids.account} field="account">
        <ReadOnly id={ids.account} value={view.account} />
      </FormRow>
      <FormRow label="姓名" htmlFor={ids.name} field="name">
        <ReadOnly id={ids.name} value={view.name} />
      </FormRow>

      <FormRow label="機關單位" required labelId={ids.org} field="organizationCode">
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
          停用前單位：{view.organizationPath}
        </Typography>
        <OrganizationPicker
          labelledBy={ids.org}
          value={values.organizationCode}
          onChange={(code) => set('organizationCode', code)}
          error={errors.organizationCode}
          disabled={pending}
        />
      </FormRow>

      <OfficeRows ids={{ title: ids.title, phone: ids.phone }} values={values} errors={errors} set={set} disabled={pending} />

      {formError && (
        <Alert severity="error" role="alert">
          {formError}
        </Alert>
      )}

      <Stack direction="row" spacing={2} sx={{ justifyContent: 'center', pt: 1 }}>
        <Button type="submit" variant="contained" size="large" disabled={pending} loading={pending} sx={{ minWidth: 120 }}>
          確定
        </Button>
        <Button variant="outlined" size="large" onClick={onCancel} disabled={pending} sx={{ minWidth: 120 }}>
          取消
        </Button>
      </Stack>
    </Stack>
  );
}

function ReadOnly({ id, value }: { id: string; value: string }) {
  return (
    <TextField
      id={id}
      value={value}
      size="small"
      slotProps={{ htmlInput: { readOnly: true, 'aria-readonly': true } }}
      sx={{ maxWidth: 360, '& .MuiInputBase-root': { bgcolor: 'action.hover' } }}
    />
  );
}
