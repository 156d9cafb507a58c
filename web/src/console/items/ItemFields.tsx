import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import type { FieldErrors } from '../../lib/api';
import type { Audience, ItemKind, Named } from './api';
import { AudienceField } from './AudienceField';
import { AUDIENCE_LABELS, audienceLabel } from '../../../../domain/bookings/labels';
import { fieldError, type ItemForm } from './itemForm';
import { OpenHoursField } from './OpenHoursField';

type TextKey = Exclude<keyof ItemForm, 'openHours' | 'isPublic' | 'audience' | 'allowedAgencies' | 'locationId' | 'agencyId'>;
interface TextSpec {
  key: TextKey;
  label: string;
  required?: boolean;
  numeric?: boolean;
  multiline?: boolean;
  hint?: string;
  half?: boolean;
}

/** Each kind's fields in the manual's order; 管理機關 and 開放借用時間 are placed by name. */
type Slot = TextSpec | 'agency' | 'openHours';
const ORDER: Record<ItemKind, Slot[]> = {
  VENUE: [
    { key: 'floor', label: '所在樓層', required: true, hint: '例：2樓' },
    { key: 'name', label: '場地名稱', required: true },
    'agency',
    { key: 'capacity', label: '容納人數', required: true, numeric: true },
    'openHours',
    { key: 'phone', label: '場地電話', half: true },
    { key: 'phoneExt', label: '分機', half: true },
    { key: 'description', label: '場地描述', multiline: true },
    { key: 'rules', label: '場地規範', multiline: true },
  ],
  CAR: [
    { key: 'vehicleType', label: '車型', required: true, hint: '例：小客車' },
    { key: 'name', label: '車號', required: true, hint: '例：RRR-000' },
    { key: 'capacity', label: '乘客人數上限', required: true, numeric: true },
    'agency',
    { key: 'make', label: '廠牌', required: true },
    { key: 'year', label: '年份', required: true, numeric: true, half: true },
    { key: 'displacement', label: '排氣量', required: true, numeric: true, half: true, hint: 'c.c.' },
    { key: 'carCode', label: '公務車編號', required: true },
    'openHours',
    { key: 'remarks', label: '備註', multiline: true },
  ],
  DRIVER: [
    { key: 'name', label: '司機姓名', required: true },
    'agency',
    { key: 'licence', label: '司機證照', required: true, hint: '例：大客車' },
    { key: 'phone', label: '司機聯絡電話', required: true, hint: '格式：0912345678' },
    { key: 'remarks', label: '備註', multiline: true },
  ],
};

/** 允許借用機關's three choices in the kind's words (a driver's say 派遣). */
const audienceChoices = (kind: ItemKind) =>
  Object.fromEntries((Object.keys(AUDIENCE_LABELS) as Audience[]).map((a) => [a, audienceLabel(a, kind)])) as Record<
    Audience,
    string
  >;

/** 場地資訊 / 公務車資訊 / 司機資訊's fields, for 新增 and 編輯 alike. */
export function ItemFields({
  kind,
  form,
  onChange,
  fields,
  locations,
  agencies,
  managedAgencies,
}: {
  kind: ItemKind;
  form: ItemForm;
  onChange: (patch: Partial<ItemForm>) => void;
  fields: FieldErrors;
  locations: Named[];
  /** Every agency (允許借用機關's list). */
  agencies: Named[];
  /** The 管理機關 offered. */
  managedAgencies: Named[];
}) {
  const text = (spec: TextSpec) => (
    <Grid key={spec.key} size={{ xs: 12, sm: spec.half ? 6 : 12 }}>
      <TextField
        fullWidth
        label={spec.label}
        required={spec.required}
        value={form[spec.key]}
        onChange={(e) => onChange({ [spec.key]: e.target.value })}
        error={Boolean(fields[spec.key])}
        helperText={fields[spec.key] ?? spec.hint}
        multiline={spec.multiline}
        minRows={spec.multiline ? 3 : undefined}
        slotProps={spec.numeric ? { htmlInput: { inputMode: 'numeric' } } : undefined}
      />
    </Grid>
  );
  return (
    <Grid container spacing={2} sx={{ maxWidth: 760 }}>
      <Grid size={12}>
        <ChoiceField
          label="所在地"
          value={form.locationId}
          onChange={(locationId) => onChange({ locationId })}
          error={fields.locationId}
          choices={locations}
        />
      </Grid>
      {ORDER[kind].map((slot) =>
        slot === 'agency' ? (
          <Grid key="agency" size={12}>
            <ChoiceField
              label="管理機關"
              value={form.agencyId}
              onChange={(agencyId) => onChange({ agencyId })}
              error={fields.agencyId}
              choices={managedAgencies}
            />
          </Grid>
        ) : slot === 'openHours' ? (
          <Grid key="openHours" size={12}>
            <OpenHoursField
              value={form.openHours}
              onChange={(openHours) => onChange({ openHours })}
              error={fieldError(fields, 'openHours')}
            />
          </Grid>
        ) : (
          text(slot)
        ),
      )}
      <Grid size={12}>
        <FormControl component="fieldset" error={Boolean(fields.isPublic)} required>
          <FormLabel component="legend">是否公開</FormLabel>
          <RadioGroup row value={form.isPublic} onChange={(e) => onChange({ isPublic: e.target.value as ItemForm['isPublic'] })}>
            <FormControlLabel value="true" control={<Radio />} label="是" />
            <FormControlLabel value="false" control={<Radio />} label="否" />
          </RadioGroup>
          {fields.isPublic && <FormHelperText>{fields.isPublic}</FormHelperText>}
        </FormControl>
      </Grid>
      <Grid size={12}>
        <AudienceField
          label={kind === 'DRIVER' ? '允許派遣機關' : '允許借用機關'}
          choices={audienceChoices(kind)}
          form={form}
          agencies={agencies}
          onChange={onChange}
          fields={fields}
        />
      </Grid>
    </Grid>
  );
}

/** A required pick of one (所在地, 管理機關, 所屬機關). */
export function ChoiceField({
  label,
  value,
  onChange,
  error,
  choices,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
  choices: Named[];
  disabled?: boolean;
}) {
  return (
    <TextField
      select
      fullWidth
      required
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(error)}
      helperText={error}
      disabled={disabled}
    >
      {choices.map((c) => (
        <MenuItem key={c.id} value={c.id}>
          {c.name}
        </MenuItem>
      ))}
    </TextField>
  );
}
