import AddPhotoAlternateOutlined from '@mui/icons-material/AddPhotoAlternateOutlined';
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  REPAIR_PHOTO_MAX_BYTES,
  REPAIR_PHOTO_MESSAGES,
  REPAIR_PHOTOS_MAX,
  repairTicketSchema,
} from '../../../../domain/schemas/repair';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { RouterLink } from '../../common/RouterLink';
import { isApiError } from '../../lib/api';
import { useMutation, useResource } from '../../lib/data';
import { ROUTES } from '../../routes/paths';
import { repairsApi, repairTicketPath, repairTypePath, type NewRepairTicket } from './api';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/** 新增報修案件: 所在地, 所在樓層, 故障原因 and photos, then 送出. */
export default function NewRepairPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const locations = useResource((signal: AbortSignal) => repairsApi.locations(signal), []);
  const [locationId, setLocationId] = useState('');
  const [floor, setFloor] = useState('');
  const [fault, setFault] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useMutation((input: NewRepairTicket) => repairsApi.report(id, input), {
    onError: (cause) => {
      if (isApiError(cause)) setErrors(cause.fields);
    },
  });
  /** A field's message goes once the field is changed. */
  const clear = (field: string) => setErrors((e) => (e[field] ? { ...e, [field]: '' } : e));
  const floors = locations.data?.items.find((l) => l.id === locationId)?.floors ?? [];

  const addPhotos = (files: FileList | null) => {
    const chosen = [...(files ?? [])];
    const wrong = chosen.find((f) => !IMAGE_TYPES.includes(f.type));
    const big = chosen.find((f) => f.size > REPAIR_PHOTO_MAX_BYTES);
    const next = [...photos, ...chosen];
    const problem = wrong
      ? REPAIR_PHOTO_MESSAGES.TYPE
      : big
        ? REPAIR_PHOTO_MESSAGES.TOO_LARGE
        : next.length > REPAIR_PHOTOS_MAX
          ? REPAIR_PHOTO_MESSAGES.TOO_MANY
          : null;
    setErrors((e) => ({ ...e, photos: problem ?? '' }));
    if (!problem) setPhotos(next);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = repairTicketSchema.safeParse({ locationId, floor, fault });
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
      setErrors(fields);
      return;
    }
    setErrors({});
    const created = await submit.run({ ...parsed.data, photos });
    if (created) void navigate(repairTicketPath(created.key), { state: { notice: '已送出報修。' } });
  };

  return (
    <>
      <PageHeading title={ROUTES.repairNew.title} actions={<RouterLink to={repairTypePath(id)}>返回報修類型詳細頁</RouterLink>} />
      {locations.error && <Alert severity="error">{locations.error}</Alert>}
      {!locations.data && !locations.error && <LoadingScreen label="讀取所在地中…" />}
      {locations.data && (
        <Paper
          component="form"
          noValidate
          onSubmit={onSubmit}
          aria-label="新增報修案件"
          sx={{ p: { xs: 2, sm: 3 }, maxWidth: 720 }}
        >
          <Stack spacing={2.5}>
            {submit.error && !Object.values(errors).some(Boolean) && <Alert severity="error">{submit.error}</Alert>}
            <TextField
              select
              required
              label="所在地"
              value={locationId}
              onChange={(e) => {
                setLocationId(e.target.value);
                setFloor('');
                clear('locationId');
              }}
              error={Boolean(errors.locationId)}
              helperText={errors.locationId}
            >
              {locations.data.items.map((l) => (
                <MenuItem key={l.id} value={l.id}>
                  {l.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              required
              label="所在樓層"
              value={floor}
              onChange={(e) => {
                setFloor(e.target.value);
                clear('floor');
              }}
              disabled={!locationId}
              error={Boolean(errors.floor)}
              helperText={errors.floor || (!locationId ? '請先選擇所在地' : undefined)}
            >
              {floors.map((f) => (
                <MenuItem key={f} value={f}>
                  {f}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              required
              multiline
              minRows={4}
              label="故障原因"
              value={fault}
              onChange={(e) => {
                setFault(e.target.value);
                clear('fault');
              }}
              error={Boolean(errors.fault)}
              helperText={errors.fault}
            />
            <Box>
              <Button variant="outlined" component="label" startIcon={<AddPhotoAlternateOutlined />}>
                上傳照片
                <input
                  hidden
                  type="file"
                  accept={IMAGE_TYPES.join(',')}
                  multiple
                  aria-label="照片"
                  onChange={(e) => {
                    addPhotos(e.target.files);
                    e.target.value = '';
                  }}
                />
              </Button>
              <Typography
                variant="body2"
                sx={{ color: errors.photos ? 'error.main' : 'text.secondary', mt: 1 }}
                role={errors.photos ? 'alert' : undefined}
              >
                {errors.photos || `PNG、JPEG 或 WebP，每張不超過 2 MB，最多 ${REPAIR_PHOTOS_MAX} 張。`}
              </Typography>
              {photos.length > 0 && (
                <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, mt: 1 }}>
                  {photos.map((p, i) => (
                    <Chip
                      key={`${p.name}-${i}`}
                      label={p.name}
                      onDelete={() => setPhotos(photos.filter((_, j) => j !== i))}
                      deleteIcon={<CloseOutlined aria-label={`移除 ${p.name}`} />}
                    />
                  ))}
                </Stack>
              )}
            </Box>
            <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
              <Button type="submit" variant="contained" loading={submit.pending}>
                送出
              </Button>
            </Stack>
          </Stack>
        </Paper>
      )}
    </>
  );
}
