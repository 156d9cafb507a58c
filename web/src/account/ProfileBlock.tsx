import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { OFFICE_PHONE_HINT } from '../../../domain/phone';
import { profileSchema } from '../../../domain/schemas/profile';
import { ApiError, errorMessage } from '../lib/api';
import { useSingleFlight } from '../lib/useSingleFlight';
import type { AccountView } from './api';
import { BlockCard } from './BlockCard';
import { selfServiceApi, type ProfileView } from './selfServiceApi';

type Field = keyof ProfileView;
const FIELDS: { key: Field; label: string; type?: string; helper?: string; half?: boolean }[] = [
  { key: 'title', label: '職稱', half: true },
  { key: 'name', label: '姓名', half: true },
  { key: 'officePhone', label: '公務電話', helper: OFFICE_PHONE_HINT, half: true },
  { key: 'officeExt', label: '分機', half: true },
  { key: 'birthday', label: '生日', type: 'date', half: true },
  { key: 'residenceAddress', label: '住址(現居地)' },
  { key: 'workAddress', label: '住址(工作地)' },
];

const toForm = (p: ProfileView) => Object.fromEntries(FIELDS.map(({ key }) => [key, p[key] ?? ''])) as Record<Field, string>;

/** 公務資料、個人資料 (manual §3.5.4): 職稱, 公務電話, 姓名, 生日, 住址(現居地), 住址(工作地), 儲存. */
export function ProfileBlock({ account, onChanged }: { account: AccountView & { profile: ProfileView }; onChanged: () => void }) {
  const [form, setForm] = useState(() => toForm(account.profile));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const { run, pending } = useSingleFlight();
  const allowed = account.allowedActions.includes('profile.update');
  // The stored (normalised) values replace the form's after each save.
  const stored = JSON.stringify(account.profile);
  const [seen, setSeen] = useState(stored);
  if (seen !== stored) {
    setSeen(stored);
    setForm(toForm(account.profile));
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    const parsed = profileSchema().safeParse(form);
    if (!parsed.success) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as Field] ??= issue.message;
      setErrors(next);
      return;
    }
    setErrors({});
    await run(async () => {
      try {
        const { changed } = await selfServiceApi.saveProfile(form);
        setNotice({ severity: 'success', text: changed.length ? '儲存成功' : '資料沒有變更' });
        onChanged();
      } catch (error) {
        if (error instanceof ApiError && Object.keys(error.fields).length)
          setErrors(error.fields as Partial<Record<Field, string>>);
        setNotice({ severity: 'error', text: errorMessage(error) });
      }
    });
  };

  return (
    <BlockCard title="公務資料、個人資料">
      <Box component="form" noValidate onSubmit={(event) => void onSubmit(event)} aria-label="公務資料、個人資料">
        {notice && (
          <Alert
            severity={notice.severity}
            role={notice.severity === 'error' ? 'alert' : 'status'}
            sx={{ mb: 2 }}
            onClose={() => setNotice(null)}
          >
            {notice.text}
          </Alert>
        )}
        <Grid container spacing={2}>
          {FIELDS.map(({ key, label, type, helper, half }) => (
            <Grid key={key} size={{ xs: 12, sm: half ? 6 : 12 }}>
              <TextField
                fullWidth
                name={key}
                label={label}
                type={type ?? 'text'}
                value={form[key]}
                disabled={!allowed || pending}
                error={Boolean(errors[key])}
                helperText={errors[key] ?? helper}
                onChange={(event) => {
                  setForm((current) => ({ ...current, [key]: event.target.value }));
                  if (errors[key]) setErrors((current) => ({ ...current, [key]: undefined }));
                }}
                slotProps={type === 'date' ? { inputLabel: { shrink: true } } : undefined}
              />
            </Grid>
          ))}
        </Grid>
        {allowed && (
          <Box sx={{ mt: 2 }}>
            <Button type="submit" variant="contained" loading={pending}>
              儲存
            </Button>
          </Box>
        )}
      </Box>
    </BlockCard>
  );
}
