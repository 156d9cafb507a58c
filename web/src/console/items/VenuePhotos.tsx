import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import ImageList from '@mui/material/ImageList';
import ImageListItem from '@mui/material/ImageListItem';
import ImageListItemBar from '@mui/material/ImageListItemBar';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type ChangeEvent } from 'react';
import { errorMessage } from '../../lib/api';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { itemsApi, type ItemDetail } from './api';

const MAX_BYTES = 2 * 1024 * 1024;
const TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/** 場地相關圖檔: PNG, JPEG or WebP up to 2 MB each (checked again by the server, by the bytes). */
export function VenuePhotos({
  item,
  editable,
  onChanged,
}: {
  item: ItemDetail;
  editable: boolean;
  onChanged: (m: string) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const { run, pending } = useSingleFlight();
  const act = (work: () => Promise<unknown>, message: string) =>
    void run(async () => {
      setError(null);
      try {
        await work();
        onChanged(message);
      } catch (cause) {
        setError(errorMessage(cause));
      }
    });
  const upload = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!TYPES.includes(file.type)) return setError('場地相關圖檔僅接受 PNG、JPEG 或 WebP 格式的圖片');
    if (file.size > MAX_BYTES) return setError('場地相關圖檔每張不可超過 2 MB');
    act(() => itemsApi.uploadPhoto(item.id, file), '圖檔已上傳');
  };
  return (
    <Paper variant="outlined" component="section" aria-label="場地相關圖檔" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
        <Typography component="h2" variant="h6">
          場地相關圖檔
        </Typography>
        {editable && (
          <Button variant="outlined" component="label" disabled={pending}>
            上傳圖檔
            <input hidden type="file" accept={TYPES.join(',')} onChange={upload} aria-label="選擇場地相關圖檔" />
          </Button>
        )}
      </Stack>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
        接受 PNG、JPEG 或 WebP 格式，每張不超過 2 MB，最多 10 張。
      </Typography>
      {error && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {error}
        </Alert>
      )}
      {item.photos.length === 0 ? (
        <Typography>目前沒有資料</Typography>
      ) : (
        <ImageList cols={4} gap={8} rowHeight={140}>
          {item.photos.map((p) => (
            <ImageListItem key={p.id}>
              <img
                src={itemsApi.photoUrl(item.id, p.id)}
                alt={p.fileName}
                loading="lazy"
                style={{ objectFit: 'cover', height: 140 }}
              />
              <ImageListItemBar
                title={p.fileName}
                actionIcon={
                  editable && (
                    <IconButton
                      aria-label={`刪除 ${p.fileName}`}
                      sx={{ color: 'common.white' }}
                      onClick={() => act(() => itemsApi.removePhoto(item.id, p.id), '圖檔已刪除')}
                    >
                      <DeleteOutline />
                    </IconButton>
                  )
                }
              />
            </ImageListItem>
          ))}
        </ImageList>
      )}
    </Paper>
  );
}
