import CancelOutlined from '@mui/icons-material/CancelOutlined';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ACCOUNT_NAME_HINT, normalizeAccountName } from '../../../../domain/account-name';
import { NATIONAL_ID_PLACEHOLDER } from '../../../../domain/national-id';
import { NEED_OFFICIAL_MAIL_HINT, NEED_OFFICIAL_MAIL_OPTIONS } from '../../../../domain/schemas/account-application';
import type { AmendmentBody, ApplicationBody } from '../../lib/api';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { OrganizationPicker } from '../organization/OrganizationPicker';
import { FormRow } from './FormRow';
import { OfficeRows } from './OfficeRows';
import { currentAvailability, useAccountAvailability } from './useAccountAvailability';
import {
  firstInvalid,
  isVerificationExpired,
  submissionErrors,
  validateAmendment,
  validateApplication,
  type ApplicationFormValues,
  type FormErrors,
  type FormField,
} from './validation';

/** The manual's second sentence of the 登入帳號 hint (the address of a granted official mailbox). */
export const ACCOUNT_MAIL_NOTE =
  '如有申請公務郵件，本帳號就是您的公務郵件帳號（如：您的登入帳號@mail.tainan.gov.tw），學校單位則使用 @tn.edu.tw 郵件，恕不提供郵件遷移。';
export const NATIONAL_ID_WARNING = '請注意：身分證號務必填寫正確！送出申請後，身分證欄位將無法修改。';

type ModeProps =
  | { mode: 'apply'; onSubmit: (body: ApplicationBody) => Promise<void> }
  | {
      mode: 'amend';
      /** The account of the saved application: keeping it needs no 檢查帳號. */
      originalAccount: string;
      onSubmit: (body: AmendmentBody) => Promise<void>;
    };

type ApplicationFormProps = ModeProps & {
  initial: ApplicationFormValues;
  /** The verified 備用信箱, shown read-only. */
  backupEmail: string;
  backupEmailHint: string;
  onCancel: () => void;
  /** The verification token ran out (30 minutes): the page asks for a new verification. */
  onVerificationExpired: () => void;
  /** Shown above the buttons (e.g. the page's own error). */
  notice?: ReactNode;
};

function focusField(field: FormField) {
  const row = document.querySelector(`[data-field="${field}"]`);
  const input = row?.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea');
  input?.focus();
  row?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

/** 帳號申請表單 (mode apply) and 帳號申請表單修改 (mode amend: 身分證號 and 備用信箱 read-only). */
export function ApplicationForm(props: ApplicationFormProps) {
  const { mode, initial, backupEmail, backupEmailHint, onCancel, onVerificationExpired, notice } = props;
  const [values, setValues] = useState<ApplicationFormValues>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const availability = useAccountAvailability();
  const { run, pending } = useSingleFlight();
  const ids = { nationalId: useId(), account: useId(), mail: useId(), name: useId(), org: useId(), title: useId() };
  const phoneIds = { phone: useId(), ext: useId(), remark: useId(), email: useId() };
  const accountRef = useRef<HTMLInputElement>(null);

  const keepsAccount = mode === 'amend' && normalizeAccountName(values.account) === normalizeAccountName(props.originalAccount);
  const shownAvailability = keepsAccount ? null : currentAvailability(availability.result, values.account);

  const set = <K extends keyof ApplicationFormValues>(key: K, value: ApplicationFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (errors[key]) setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const runCheck = async () => {
    const outcome = await availability.check(values.account, mode === 'apply' ? values.nationalId : '');
    if (outcome.failed) setFormError(outcome.message);
    setErrors((current) => ({ ...current, account: undefined }));
    return outcome;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const validation = props.mode === 'apply' ? validateApplication(values) : validateAmendment(values);
    if (!validation.ok) {
      setErrors(validation.errors);
      const first = firstInvalid(validation.errors);
      if (first) focusField(first);
      return;
    }
    setErrors({});
    await run(async () => {
      // 登入帳號 must pass 檢查帳號: check it now if that was not done for this account.
      if (!keepsAccount && !currentAvailability(availability.result, values.account)?.available) {
        const outcome = await runCheck();
        if (outcome.failed) return;
        if (!outcome.available) {
          setErrors({ account: outcome.message });
          focusField('account');
          return;
        }
      }
      try {
        if (props.mode === 'apply') await props.onSubmit(validation.data as ApplicationBody);
        else await props.onSubmit(validation.data as AmendmentBody);
      } catch (error) {
        if (isVerificationExpired(error)) {
          onVerificationExpired();
          return;
        }
        const failure = submissionErrors(error);
        setErrors(failure.fields);
        setFormError(failure.message);
        const first = firstInvalid(failure.fields);
        if (first) focusField(first);
      }
    });
  };

  const accountMessage = errors.account
    ? { ok: false, text: errors.account }
    : shownAvailability
      ? { ok: shownAvailability.available, text: shownAvailability.message }
      : null;

  return (
    <Stack
      component="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      spacing={3}
      aria-label={mode === 'apply' ? '帳號申請表單' : '帳號申請表單修改'}
      // Every hint and message starts where its input starts.
      sx={{ '& .MuiFormHelperText-root': { mx: 0 } }}
    >
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        標示{' '}
        <Box component="span" sx={{ color: 'error.main' }}>
          *
        </Box>{' '}
        者為必填欄位。
      </Typography>

      <FormRow label="身分證號" required htmlFor={ids.nationalId} field="nationalId">
        {mode === 'apply' ? (
          <TextField
            id={ids.nationalId}
            name="nationalId"
            value={values.nationalId}
            onChange={(event) => set('nationalId', event.target.value)}
            placeholder={NATIONAL_ID_PLACEHOLDER}
            required
            disabled={pending}
            error={Boolean(errors.nationalId)}
            helperText={errors.nationalId ?? NATIONAL_ID_WARNING}
            autoComplete="off"
            size="small"
            slotProps={{
              htmlInput: { autoCapitalize: 'characters', spellCheck: false, maxLength: 10 },
              formHelperText: { sx: errors.nationalId ? undefined : { color: 'warning.main', fontWeight: 600 } },
            }}
            sx={{ maxWidth: 360 }}
          />
        ) : (
          <ReadOnlyField id={ids.nationalId} value={values.nationalId} hint="身分證號不提供修改。" />
        )}
      </FormRow>

      <FormRow label="登入帳號" required htmlFor={ids.account} field="account">
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', maxWidth: 480 }}>
          <TextField
            id={ids.account}
            name="account"
            value={values.account}
            onChange={(event) => set('account', event.target.value)}
            placeholder="請輸入登入帳號"
            required
            disabled={pending}
            inputRef={accountRef}
            error={Boolean(errors.account)}
            autoComplete="off"
            size="small"
            slotProps={{
              htmlInput: {
                autoCapitalize: 'none',
                spellCheck: false,
                maxLength: 12,
                'aria-describedby': `${ids.account}-status ${ids.account}-hint`,
              },
            }}
          />
          <Button
            variant="outlined"
            onClick={() => void runCheck()}
            disabled={pending || availability.checking || keepsAccount}
            loading={availability.checking}
            sx={{ flexShrink: 0, height: 40 }}
          >
            檢查帳號
          </Button>
        </Stack>
        <Box id={`${ids.account}-status`} aria-live="polite">
          {accountMessage && (
            <FormHelperText
              error={!accountMessage.ok}
              sx={{
                display: 'flex',
                alignItems: 'center',
                gap: 0.5,
                mx: 0,
                color: accountMessage.ok ? 'success.main' : undefined,
              }}
            >
              {accountMessage.ok ? (
                <CheckCircleOutlined fontSize="inherit" aria-hidden />
              ) : (
                <CancelOutlined fontSize="inherit" aria-hidden />
              )}
              {accountMessage.text}
            </FormHelperText>
          )}
          {keepsAccount && <FormHelperText sx={{ mx: 0 }}>此為您申請時填寫的登入帳號。</FormHelperText>}
        </Box>
        <Box id={`${ids.account}-hint`} sx={{ mt: 0.75, typography: 'body2', color: 'text.secondary' }}>
          <p style={{ margin: 0 }}>{ACCOUNT_NAME_HINT}</p>
          <p style={{ margin: '4px 0 0' }}>{ACCOUNT_MAIL_NOTE}</p>
        </Box>
      </FormRow>

      <FormRow label="是否需要公務郵件" required labelId={ids.mail} field="needOfficialMail">
        <RadioGroup
          row
          name="needOfficialMail"
          aria-labelledby={ids.mail}
          aria-describedby={`${ids.mail}-hint`}
          value={values.needOfficialMail === null ? '' : String(values.needOfficialMail)}
          onChange={(event) => set('needOfficialMail', event.target.value === 'true')}
        >
          {NEED_OFFICIAL_MAIL_OPTIONS.map((option) => (
            <FormControlLabel
              key={String(option.value)}
              value={String(option.value)}
              control={<Radio size="small" />}
              label={option.label}
              disabled={pending}
            />
          ))}
        </RadioGroup>
        {errors.needOfficialMail && (
          <FormHelperText error sx={{ mx: 0 }}>
            {errors.needOfficialMail}
          </FormHelperText>
        )}
        <FormHelperText id={`${ids.mail}-hint`} sx={{ mx: 0 }}>
          {NEED_OFFICIAL_MAIL_HINT}
        </FormHelperText>
      </FormRow>

      <FormRow label="備用信箱" required htmlFor={phoneIds.email} field="backupEmail">
        <ReadOnlyField id={phoneIds.email} value={backupEmail} hint={backupEmailHint} />
      </FormRow>

      <FormRow label="姓名" required htmlFor={ids.name} field="name">
        <TextField
          id={ids.name}
          name="name"
          value={values.name}
          onChange={(event) => set('name', event.target.value)}
          placeholder="請輸入您的真實姓名"
          required
          disabled={pending}
          error={Boolean(errors.name)}
          helperText={errors.name}
          autoComplete="name"
          size="small"
          sx={{ maxWidth: 360 }}
        />
      </FormRow>

      <FormRow label="機關單位" required labelId={ids.org} field="organizationCode">
        <OrganizationPicker
          labelledBy={ids.org}
          value={values.organizationCode}
          onChange={(code) => set('organizationCode', code)}
          error={errors.organizationCode}
          disabled={pending}
        />
      </FormRow>

      <OfficeRows
        ids={{ title: ids.title, phone: phoneIds.phone }}
        values={values}
        errors={errors}
        set={set}
        disabled={pending}
      />

      <FormRow label="備註" htmlFor={phoneIds.remark} field="remark">
        <TextField
          id={phoneIds.remark}
          name="remark"
          value={values.remark}
          onChange={(event) => set('remark', event.target.value)}
          disabled={pending}
          error={Boolean(errors.remark)}
          helperText={errors.remark}
          multiline
          minRows={3}
          size="small"
        />
      </FormRow>

      {formError && (
        <Alert severity="error" role="alert">
          {formError}
        </Alert>
      )}
      {notice}

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

function ReadOnlyField({ id, value, hint }: { id: string; value: string; hint: string }) {
  return (
    <TextField
      id={id}
      value={value}
      size="small"
      helperText={hint}
      slotProps={{ htmlInput: { readOnly: true, 'aria-readonly': true } }}
      sx={{ maxWidth: 360, '& .MuiInputBase-root': { bgcolor: 'action.hover' } }}
    />
  );
}
