import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { AgencyListPicker } from '../../common/AgencyListPicker';
import type { FieldErrors } from '../../lib/api';
import type { Audience, Named } from './api';
import { fieldError } from './itemForm';

const AUDIENCES: Audience[] = ['CITY', 'OWN_AGENCY', 'OWN_AND_LISTED'];

/**
 * 允許借用機關 (a driver's 允許派遣機關, a 報修類型's 允許報修機關): 全府, 僅限機關同仁, or 開放機關同仁及其他
 * 機關人員 with the other agencies picked one by one (+) and taken off again (x).
 */
export function AudienceField({
  label,
  choices,
  form: { audience, allowedAgencies: listed, agencyId },
  agencies: all,
  onChange: patch,
  fields,
}: {
  /** 允許借用機關 / 允許派遣機關 / 允許報修機關 */
  label: string;
  /** The three choices in the field's words. */
  choices: Record<Audience, string>;
  /** The form's choice, its other agencies, and the owning agency (never listed). */
  form: { audience: '' | Audience; allowedAgencies: Named[]; agencyId: string };
  /** Every agency. */
  agencies: Named[];
  onChange: (patch: { audience: Audience; allowedAgencies: Named[] }) => void;
  fields: FieldErrors;
}) {
  const agencies = all.filter((a) => a.id !== agencyId);
  const error = fields.audience ?? fieldError(fields, 'allowedAgencyIds');
  const onChange = (audience: Audience, allowedAgencies: Named[]) => patch({ audience, allowedAgencies });
  return (
    <FormControl component="fieldset" error={Boolean(error)} required>
      <FormLabel component="legend">{label}</FormLabel>
      <RadioGroup value={audience} onChange={(e) => onChange(e.target.value as Audience, listed)}>
        {AUDIENCES.map((a) => (
          <FormControlLabel
            key={a}
            value={a}
            control={<Radio />}
            label={a === 'OWN_AND_LISTED' ? `${choices[a]}(其他機關由下方功能進行編輯)` : choices[a]}
          />
        ))}
      </RadioGroup>
      {audience === 'OWN_AND_LISTED' && (
        <AgencyListPicker
          label="其他機關"
          agencies={agencies}
          listed={listed}
          onChange={(next) => onChange('OWN_AND_LISTED', next)}
        />
      )}
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
}
