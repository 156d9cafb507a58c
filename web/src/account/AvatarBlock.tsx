import Avatar from '@mui/material/Avatar';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { useSession } from '../auth/session';
import { errorMessage } from '../lib/api';
import { useSingleFlight } from '../lib/useSingleFlight';
import type { AccountView } from './api';
import { BlockCard, BlockNotice, type BlockNoticeValue } from './BlockCard';
import { AVATAR_MAX_BYTES, AVATAR_URL, selfServiceApi } from './selfServiceApi';

/** 個人圖像 (manual §3.5.1): 選擇檔案 → the name is shown → 存檔; 移除 after a confirm. */
export function AvatarBlock({
  account,
  onChanged,
}: {
  account: AccountView & { avatar: { updatedAt: string } | null };
  onChanged: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<BlockNoticeValue | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const { run, pending } = useSingleFlight();
  const allowed = account.allowedActions.includes('avatar.manage');
  const session = useSession();
  // The side menu shows the image too: the session carries its version.
  const changed = () => {
    onChanged();
    void session.refresh();
  };

  const save = () =>
    run(async () => {
      if (!file) return;
      if (file.size > AVATAR_MAX_BYTES) {
        setNotice({ severity: 'error', text: '個人圖像檔案不可超過 1 MB' });
        return;
      }
      try {
        await selfServiceApi.uploadAvatar(file);
        setFile(null);
        setNotice({ severity: 'success', text: '個人圖像已更新' });
        changed();
      } catch (error) {
        setNotice({ severity: 'error', text: errorMessage(error) });
      }
    });
  const remove = () =>
    run(async () => {
      setConfirming(false);
      try {
        await selfServiceApi.removeAvatar();
        setNotice({ severity: 'success', text: '個人圖像已移除' });
        changed();
      } catch (error) {
        setNotice({ severity: 'error', text: errorMessage(error) });
      }
    });

  return (
    <BlockCard title="個人圖像">
      <Stack spacing={2}>
        <BlockNotice notice={notice} onClose={() => setNotice(null)} />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
          <Avatar
            src={account.avatar ? `${AVATAR_URL}?v=${encodeURIComponent(account.avatar.updatedAt)}` : undefined}
            alt={account.avatar ? `${account.name}的個人圖像` : undefined}
            sx={{ width: 88, height: 88, fontSize: '2rem', bgcolor: 'secondary.main' }}
          >
            {Array.from(account.name)[0] ?? '?'}
          </Avatar>
          {allowed && (
            <Stack spacing={1}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Button variant="outlined" component="label" disabled={pending}>
                  選擇檔案
                  <input
                    ref={input}
                    hidden
                    type="file"
                    name="avatar"
                    accept="image/png,image/jpeg,image/webp"
                    onChange={(event) => {
                      setNotice(null);
                      setFile(event.target.files?.[0] ?? null);
                      event.target.value = '';
                    }}
                  />
                </Button>
                <Button variant="contained" disabled={!file} loading={pending && Boolean(file)} onClick={() => void save()}>
                  存檔
                </Button>
                {account.avatar && (
                  <Button color="error" disabled={pending} onClick={() => setConfirming(true)}>
                    移除
                  </Button>
                )}
              </Stack>
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {file ? `已選擇：${file.name}` : '接受 PNG、JPEG 或 WebP 圖片，檔案不可超過 1 MB。'}
              </Typography>
            </Stack>
          )}
        </Stack>
      </Stack>
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="avatar-remove-title">
        <DialogTitle id="avatar-remove-title">移除個人圖像</DialogTitle>
        <DialogContent>確定要移除個人圖像嗎？</DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>取消</Button>
          <Button color="error" variant="contained" onClick={() => void remove()}>
            確定
          </Button>
        </DialogActions>
      </Dialog>
    </BlockCard>
  );
}
