import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import Autocomplete from '@mui/material/Autocomplete';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
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
  const [picked, setPicked] = useState<Named | null>(null);
  const add = () => {
    if (picked && !listed.some((a) => a.id === picked.id)) onChange('OWN_AND_LISTED', [...listed, picked]);
    setPicked(null);
  };
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
        <Stack spacing={1} sx={{ mt: 1, maxWidth: 480 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Autocomplete
              sx={{ flex: 1 }}
              options={agencies.filter((a) => !listed.some((l) => l.id === a.id))}
              value={picked}
              onChange={(_e, v) => setPicked(v)}
              getOptionLabel={(a) => a.name}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              renderInput={(params) => <TextField {...params} size="small" label="其他機關" />}
            />
            <IconButton aria-label="加入機關" onClick={add} disabled={!picked} color="primary">
              <AddIcon />
            </IconButton>
          </Stack>
          <List dense aria-label="其他機關" disablePadding>
            {listed.map((a) => (
              <ListItem
                key={a.id}
                disableGutters
                secondaryAction={
                  <IconButton
                    edge="end"
                    aria-label={`移除 ${a.name}`}
                    onClick={() =>
                      onChange(
                        'OWN_AND_LISTED',
                        listed.filter((l) => l.id !== a.id),
                      )
                    }
                  >
                    <CloseIcon fontSize="small" />
                  </IconButton>
                }
              >
                <ListItemText primary={a.name} />
              </ListItem>
            ))}
          </List>
        </Stack>
      )}
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
}
