import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { applicationSystemSchema, MAX_PRODUCTION_IPS, type ApplicationSystemInput } from '../../../../domain/schemas/integration';
import type { NamedAgency } from '../../common/AgencyListPicker';
import { isApiError } from '../../lib/api';
import { useMutation } from '../../lib/data';
import { MultiTextField } from './MultiTextField';

/** The form's values as typed (正式IP one input each). */
export interface SystemFormValues {
  name: string;
  shortName: string;
  agencyId: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  vendorName: string;
  description: string;
  url: string;
  productionIps: string[];
}

/** Each field's first message, from the schema's issues (the page) or the API's 400 (the same words). */
export function firstIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[String(issue.path[0] ?? '_')] ??= issue.message;
  return fields;
}

/** A field's message from the API: `productionIps` or `productionIps.3` alike. */
const topLevel = (fields: Readonly<Record<string, string>>) => {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) out[key.split('.')[0]!] ??= message;
  return out;
};

/**
 * 新增應用系統 (and 應用系統資料's 編輯): every field in the manual's order and words, checked with
 * applicationSystemSchema before it is sent; 確定 / 取消.
 */
export function SystemForm({
  initial,
  agencies,
  onSubmit,
  onCancel,
  label,
}: {
  initial: SystemFormValues;
  /** 管理機關's choices: the user's agency only, or every agency for a system admin. */
  agencies: NamedAgency[];
  onSubmit: (input: ApplicationSystemInput) => Promise<unknown>;
  onCancel: () => void;
  label: string;
}) {
  const [values, setValues] = useState<SystemFormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation(onSubmit, {
    onError: (cause) => {
      if (isApiError(cause)) setErrors(topLevel(cause.fields));
    },
  });
  const set = (field: keyof SystemFormValues) => (value: SystemFormValues[typeof field]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => (e[field] ? { ...e, [field]: '' } : e));
  };
  const text = (field: Exclude<keyof SystemFormValues, 'productionIps'>, fieldLabel: string, required = false) => ({
    label: fieldLabel,
    required,
    value: values[field],
    onChange: (e: { target: { value: string } }) => set(field)(e.target.value),
    error: Boolean(errors[field]),
    helperText: errors[field],
    fullWidth: true,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = applicationSystemSchema.safeParse(values);
    if (!parsed.success) return setErrors(firstIssues(parsed.error.issues));
    setErrors({});
    await save.run(parsed.data);
  };

  return (
    <Stack component="form" noValidate onSubmit={submit} aria-label={label} spacing={2.5}>
      {save.error && !Object.values(errors).some(Boolean) && <Alert severity="error">{save.error}</Alert>}
      <TextField {...text('name', '應用系統名稱', true)} />
      <TextField {...text('shortName', '簡稱')} />
      <TextField {...text('agencyId', '管理機關')} select disabled={agencies.length < 2}>
        {agencies.map((a) => (
          <MenuItem key={a.id} value={a.id}>
            {a.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField {...text('contactName', '聯絡人')} />
      <TextField {...text('contactPhone', '聯絡電話')} />
      <TextField {...text('contactEmail', '聯絡人信箱')} type="email" />
      <TextField {...text('vendorName', '開發廠商名稱', true)} />
      <TextField {...text('description', '應用系統說明', true)} multiline minRows={3} />
      <TextField {...text('url', '應用系統網址', true)} placeholder="https://" />
      <MultiTextField
        label="正式IP"
        required
        max={MAX_PRODUCTION_IPS}
        values={values.productionIps}
        onChange={set('productionIps')}
        error={errors.productionIps}
        helperText={`最多可設定 ${MAX_PRODUCTION_IPS} 組（IPv4、IPv6 位址或 CIDR 網段）`}
      />
      <Stack direction="row" spacing={1.5} sx={{ justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>取消</Button>
        <Button type="submit" variant="contained" loading={save.pending}>
          確定
        </Button>
      </Stack>
    </Stack>
  );
}
