import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { OFFICE_PHONE_HINT } from '../../../../domain/phone';
import { FormRow } from './FormRow';

interface RowProps {
  id: string;
  disabled?: boolean;
}

/** 「*職稱」. */
function TitleRow({
  id,
  value,
  onChange,
  error,
  disabled,
}: RowProps & { value: string; onChange: (value: string) => void; error?: string }) {
  return (
    <FormRow label="職稱" required htmlFor={id} field="title">
      <TextField
        id={id}
        name="title"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder="請輸入職稱"
        required
        disabled={disabled}
        error={Boolean(error)}
        helperText={error}
        autoComplete="organization-title"
        size="small"
        sx={{ maxWidth: 360 }}
      />
    </FormRow>
  );
}

/** 「*公務電話」 with its 分機 box, one error line for both and the format hint (手冊: 2991111, no area code). */
function OfficePhoneRow({
  id,
  phone,
  ext,
  onPhoneChange,
  onExtChange,
  phoneError,
  extError,
  disabled,
}: RowProps & {
  phone: string;
  ext: string;
  onPhoneChange: (value: string) => void;
  onExtChange: (value: string) => void;
  phoneError?: string;
  extError?: string;
}) {
  const hintId = `${id}-hint`;
  return (
    <FormRow label="公務電話" required htmlFor={id} field="officePhone">
      <Stack direction="row" spacing={1} sx={{ maxWidth: 480 }}>
        <TextField
          id={id}
          name="officePhone"
          value={phone}
          onChange={(event) => onPhoneChange(event.target.value)}
          placeholder="請輸入公務電話"
          required
          disabled={disabled}
          error={Boolean(phoneError)}
          autoComplete="tel-local"
          size="small"
          slotProps={{ htmlInput: { inputMode: 'tel', 'aria-describedby': hintId } }}
          sx={{ flex: 2 }}
        />
        <TextField
          data-field="officeExt"
          name="officeExt"
          value={ext}
          onChange={(event) => onExtChange(event.target.value)}
          placeholder="請輸入分機"
          disabled={disabled}
          error={Boolean(extError)}
          autoComplete="tel-extension"
          size="small"
          slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-label': '分機', maxLength: 6 } }}
          sx={{ flex: 1 }}
        />
      </Stack>
      {(phoneError || extError) && (
        <FormHelperText error sx={{ mx: 0 }}>
          {[phoneError, extError].filter(Boolean).join('；')}
        </FormHelperText>
      )}
      <FormHelperText id={hintId} sx={{ mx: 0 }}>
        {OFFICE_PHONE_HINT}
      </FormHelperText>
    </FormRow>
  );
}

type OfficeField = 'title' | 'officePhone' | 'officeExt';

/** 職稱 and 公務電話 (+分機): the rows the 個人帳號申請 and 復用 forms share. */
export function OfficeRows({
  ids,
  values,
  errors,
  set,
  disabled,
}: {
  ids: { title: string; phone: string };
  values: Record<OfficeField, string>;
  errors: Partial<Record<OfficeField, string>>;
  set: (field: OfficeField, value: string) => void;
  disabled?: boolean;
}) {
  return (
    <>
      <TitleRow
        id={ids.title}
        value={values.title}
        onChange={(value) => set('title', value)}
        error={errors.title}
        disabled={disabled}
      />
      <OfficePhoneRow
        id={ids.phone}
        phone={values.officePhone}
        ext={values.officeExt}
        onPhoneChange={(value) => set('officePhone', value)}
        onExtChange={(value) => set('officeExt', value)}
        phoneError={errors.officePhone}
        extError={errors.officeExt}
        disabled={disabled}
      />
    </>
  );
}
