import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { CLAIM_OPTIONS, type ServiceKind } from '../../../../domain/integrations/services';
import { credentialChangeSchema, MAX_REDIRECT_URIS, serviceFormSchema } from '../../../../domain/schemas/integration';
import { AgencyListPicker, type NamedAgency } from '../../common/AgencyListPicker';
import { isApiError } from '../../lib/api';
import { useMutation, useResource } from '../../lib/data';
import { integrationsApi, type CredentialChange } from './api';
import { MultiTextField } from './MultiTextField';
import { firstIssues } from './SystemForm';

/** Every field of the four 我要申請 forms and of 更換金鑰 / 停用, as typed. */
export interface ServiceFormValues {
  claims: string[];
  redirectUris: string[];
  handler: string;
  handlerUrl: string;
  paramName: string;
  agencies: NamedAgency[];
  monthlyQuota: string;
  purpose: string;
  senderName: string;
  description: string;
  reason: string;
}

const EMPTY: ServiceFormValues = {
  claims: [],
  redirectUris: [''],
  handler: '',
  handlerUrl: '',
  paramName: '',
  agencies: [],
  monthlyQuota: '',
  purpose: '',
  senderName: '',
  description: '',
  reason: '',
};

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The form as sent (審核紀錄's `form`), back into the fields for 補正. */
export function valuesFromSent(form: Record<string, unknown>, agencies: NamedAgency[]): ServiceFormValues {
  const ids = strings(form.agencyIds);
  const redirectUris = strings(form.redirectUris);
  return {
    ...EMPTY,
    claims: strings(form.claims),
    redirectUris: redirectUris.length ? redirectUris : [''],
    handler: str(form.handler),
    handlerUrl: str(form.handlerUrl),
    paramName: str(form.paramName),
    agencies: ids.map((id) => agencies.find((a) => a.id === id) ?? { id, name: id }),
    monthlyQuota: str(form.monthlyQuota),
    purpose: str(form.purpose),
    senderName: str(form.senderName),
    description: str(form.description),
    reason: str(form.reason),
  };
}

/** The body of the kind's form (or of 更換金鑰 / 停用), before the schema reads it. */
function bodyOf(kind: ServiceKind, change: CredentialChange | null, v: ServiceFormValues) {
  if (change) return { reason: v.reason };
  switch (kind) {
    case 'SSO':
      return { claims: v.claims, redirectUris: v.redirectUris, description: v.description };
    case 'VERIFY':
      return { claims: v.claims, handler: v.handler, description: v.description };
    case 'REDIRECT':
      return {
        handlerUrl: v.handlerUrl,
        paramName: v.paramName,
        description: v.description,
        agencyIds: v.agencies.map((a) => a.id),
      };
    case 'SMS':
      return { monthlyQuota: v.monthlyQuota, purpose: v.purpose, senderName: v.senderName, description: v.description };
  }
}

/** The API's field names on the fields shown (`agencyIds` is the picker of agencies). */
const shownField = (key: string) => {
  const top = key.split('.')[0]!;
  return top === 'agencyIds' ? 'agencies' : top;
};

/**
 * 我要申請's form of one service in the manual's fields (單一登入, 帳號驗證, 轉登, 簡訊發送), or 更換金鑰 /
 * 停用's 申請原因; checked with the same schema as the API (serviceFormSchema with the system's 應用系統網址;
 * the server also applies the production rules), then `onSubmit` with the parsed body. 確定 / 返回.
 */
export function ServiceForm({
  kind,
  change,
  systemUrl,
  initial,
  label,
  onSubmit,
  onBack,
}: {
  kind: ServiceKind;
  change: CredentialChange | null;
  systemUrl: string;
  initial?: ServiceFormValues;
  label: string;
  onSubmit: (body: unknown) => Promise<unknown>;
  onBack: () => void;
}) {
  const [values, setValues] = useState<ServiceFormValues>(initial ?? EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const agencies = useResource(
    (signal: AbortSignal) => (kind === 'REDIRECT' && !change ? integrationsApi.agencies(signal) : Promise.resolve({ items: [] })),
    [kind, change],
  );
  const send = useMutation(onSubmit, {
    onError: (cause) => {
      if (!isApiError(cause)) return;
      const fields: Record<string, string> = {};
      for (const [key, message] of Object.entries(cause.fields)) fields[shownField(key)] ??= message;
      setErrors(fields);
    },
  });
  const set = <K extends keyof ServiceFormValues>(field: K, value: ServiceFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => (e[field] ? { ...e, [field]: '' } : e));
  };
  const text = (field: 'handler' | 'handlerUrl' | 'paramName' | 'monthlyQuota' | 'purpose' | 'senderName', word: string) => ({
    label: word,
    required: true,
    fullWidth: true,
    value: values[field],
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
    error: Boolean(errors[field]),
    helperText: errors[field],
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const schema = change ? credentialChangeSchema : serviceFormSchema(kind, { systemUrl, production: false });
    const parsed = schema.safeParse(bodyOf(kind, change, values));
    if (!parsed.success) {
      const fields = firstIssues(parsed.error.issues);
      if (fields.agencyIds) fields.agencies = fields.agencyIds;
      return setErrors(fields);
    }
    setErrors({});
    await send.run(parsed.data);
  };

  const claims = (
    <FormControl component="fieldset" required error={Boolean(errors.claims)}>
      <FormLabel component="legend">所需拋回的資料</FormLabel>
      <FormGroup row>
        {CLAIM_OPTIONS.map((option) => (
          <FormControlLabel
            key={option.scope}
            label={option.label}
            control={
              <Checkbox
                checked={values.claims.includes(option.scope)}
                onChange={(e) =>
                  set(
                    'claims',
                    e.target.checked
                      ? CLAIM_OPTIONS.map((o) => o.scope).filter((s) => s === option.scope || values.claims.includes(s))
                      : values.claims.filter((s) => s !== option.scope),
                  )
                }
              />
            }
          />
        ))}
      </FormGroup>
      <FormHelperText>{errors.claims || '帳號識別碼一律拋回'}</FormHelperText>
    </FormControl>
  );
  const explanation = (word: '申請說明' | '申請原因', field: 'description' | 'reason') => (
    <TextField
      label={word}
      required
      multiline
      minRows={3}
      fullWidth
      value={values[field]}
      onChange={(e) => set(field, e.target.value)}
      error={Boolean(errors[field])}
      helperText={errors[field]}
    />
  );

  return (
    <Stack component="form" noValidate onSubmit={submit} aria-label={label} spacing={2.5}>
      {send.error && !Object.values(errors).some(Boolean) && <Alert severity="error">{send.error}</Alert>}
      {change && explanation('申請原因', 'reason')}
      {!change && kind === 'SSO' && (
        <>
          {claims}
          <MultiTextField
            label="驗證處理常式含參數名稱"
            required
            max={MAX_REDIRECT_URIS}
            values={values.redirectUris}
            onChange={(uris) => set('redirectUris', uris)}
            error={errors.redirectUris}
            placeholder={`${systemUrl.replace(/\/$/, '')}/callback`}
            helperText={`完整網址，主機須與應用系統網址相同，最多 ${MAX_REDIRECT_URIS} 組`}
          />
          {explanation('申請說明', 'description')}
        </>
      )}
      {!change && kind === 'VERIFY' && (
        <>
          {claims}
          <TextField {...text('handler', '驗證處理常式含參數名稱')} />
          {explanation('申請說明', 'description')}
        </>
      )}
      {!change && kind === 'REDIRECT' && (
        <>
          <TextField {...text('handlerUrl', '驗證處理常式')} placeholder={`${systemUrl.replace(/\/$/, '')}/sso`} />
          <TextField {...text('paramName', '參數名稱')} />
          {explanation('申請說明', 'description')}
          <FormControl component="fieldset" required error={Boolean(errors.agencies)}>
            <FormLabel component="legend">顯示此轉登入口的機關</FormLabel>
            <AgencyListPicker
              label="顯示此轉登入口的機關"
              agencies={agencies.data?.items ?? []}
              listed={values.agencies}
              onChange={(next) => set('agencies', next)}
              error={Boolean(errors.agencies)}
            />
            {errors.agencies && <FormHelperText>{errors.agencies}</FormHelperText>}
          </FormControl>
        </>
      )}
      {!change && kind === 'SMS' && (
        <>
          <TextField {...text('monthlyQuota', '每月簡訊則數')} slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
          <TextField {...text('purpose', '簡訊用途')} multiline minRows={2} />
          <TextField {...text('senderName', '簡訊發送者名稱')} />
          {explanation('申請說明', 'description')}
        </>
      )}
      <Stack direction="row" spacing={1.5} sx={{ justifyContent: 'flex-end' }} className="no-print">
        <Button onClick={onBack}>返回</Button>
        <Button type="submit" variant="contained" loading={send.pending}>
          確定
        </Button>
      </Stack>
    </Stack>
  );
}
