import { ConfirmActionDialog } from '../../common/ConfirmActionDialog';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { RESOURCE_KIND_LABELS } from '../../../../domain/bookings/labels';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { formatDateTime } from '../../lib/datetime';
import { useMutation, useResource } from '../../lib/data';
import { ROUTES } from '../../routes/paths';
import { calendarFeedsApi, type CalendarFeed, type ResourceKind, type SubscribableResource } from './calendarFeedsApi';

const MINE = 'mine';
const KINDS: ResourceKind[] = ['VENUE', 'CAR', 'DRIVER'];
/** On a phone the name needs the width; the kind is in the name's words anyway (車型 車號, 派遣司機 …). */
const NARROW_HIDDEN = { display: { xs: 'none', sm: 'table-cell' } } as const;

/**
 * 場地及公務車申請紀錄 › 行事曆訂閱: private addresses that put approved bookings into Google 日曆,
 * Outlook and the like — the user's own, and those of the venues, cars and drivers they manage. An
 * address is shown once, when made; 停止訂閱 makes it stop working at once.
 */
export default function CalendarFeedsPage() {
  const { data: feeds, error, reload } = useResource(calendarFeedsApi.list);
  const [created, setCreated] = useState<{ label: string; url: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<CalendarFeed | null>(null);

  return (
    <>
      <PageHeading title={ROUTES.calendarFeeds.title} />
      <Typography sx={{ color: 'text.secondary', mb: 2 }}>
        {'訂閱後，審核通過的場地及公務車借用會自動出現在您慣用的行事曆（Google 日曆、Outlook 等），取消或撤銷的借用也會自動移除。' +
          '每個訂閱都有專屬的私人網址，知道網址的人都能看到其中的借用，請勿分享；不再使用時請按「停止訂閱」，網址隨即失效。'}
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      {notice && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <Stack spacing={3}>
        <NewFeedForm
          onCreated={(feed) => {
            setNotice(null);
            setCreated(feed);
            void reload();
          }}
        />
        {created && <CreatedFeed feed={created} onClose={() => setCreated(null)} />}
        {!feeds && !error && <LoadingScreen label="讀取行事曆訂閱中…" />}
        {feeds && <FeedTable rows={feeds.items} onRevoke={setRevoking} />}
      </Stack>
      <ConfirmActionDialog
        item={revoking}
        title="停止訂閱"
        message={(f) => `確定停止訂閱「${f.label}」？停止後此訂閱網址立即失效，已加入的行事曆將不再更新，並可能移除其中的借用。`}
        confirmLabel="確定停止"
        action={(f) => calendarFeedsApi.revoke(f.id)}
        onClose={() => setRevoking(null)}
        onDone={(feed) => {
          setRevoking(null);
          setCreated(null);
          setNotice(`已停止訂閱「${feed.label}」，原訂閱網址已失效。`);
          void reload();
        }}
      />
    </>
  );
}

function NewFeedForm({ onCreated }: { onCreated: (feed: { label: string; url: string }) => void }) {
  const { data: resources } = useResource(calendarFeedsApi.resources);
  const [choice, setChoice] = useState(MINE);
  const options: SubscribableResource[] = resources?.items ?? [];
  const labelOf = (value: string) => (value === MINE ? '我的借用' : (options.find((r) => r.id === value)?.label ?? ''));
  const create = useMutation(calendarFeedsApi.create, {
    onSuccess: (answer) => onCreated({ label: labelOf(choice), url: answer.url }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    void create.run(choice === MINE ? {} : { resourceId: choice });
  }

  return (
    <Paper component="section" aria-label="新增訂閱" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography variant="h2" sx={{ mb: 2 }}>
        新增訂閱
      </Typography>
      {create.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {create.error}
        </Alert>
      )}
      <Stack component="form" noValidate onSubmit={submit} spacing={2} sx={{ maxWidth: 560 }}>
        <TextField
          select
          label="訂閱內容"
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          helperText={
            options.length > 0
              ? '「我的借用」是您申請且審核通過的借用；您保管或管理的場地、公務車及派遣司機，可訂閱其所有審核通過的借用。'
              : '「我的借用」是您申請且審核通過的場地及公務車借用。'
          }
        >
          <MenuItem value={MINE}>我的借用</MenuItem>
          {KINDS.flatMap((kind) => {
            const ofKind = options.filter((r) => r.kind === kind);
            if (ofKind.length === 0) return [];
            return [
              <ListSubheader key={`kind-${kind}`}>{RESOURCE_KIND_LABELS[kind]}</ListSubheader>,
              ...ofKind.map((r) => (
                <MenuItem key={r.id} value={r.id}>
                  {r.label}
                </MenuItem>
              )),
            ];
          })}
        </TextField>
        <div>
          <Button type="submit" variant="contained" loading={create.pending} loadingPosition="start">
            新增訂閱
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}

function CreatedFeed({ feed, onClose }: { feed: { label: string; url: string }; onClose: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(feed.url);
      setCopied('已複製訂閱網址。');
    } catch {
      setCopied('無法自動複製，請選取上方網址後自行複製。');
    }
  }

  return (
    <Paper component="section" aria-label="訂閱網址" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography variant="h2" sx={{ mb: 2 }}>
        訂閱網址：{feed.label}
      </Typography>
      <Alert severity="warning" sx={{ mb: 2 }}>
        此網址只會顯示這一次，請立即複製並加入行事曆。離開此頁後無法再查看，如遺失請停止此訂閱後重新新增。
      </Alert>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' }, mb: 1 }}>
        <TextField
          label="訂閱網址"
          value={feed.url}
          fullWidth
          slotProps={{ htmlInput: { readOnly: true, onFocus: (e: { target: HTMLInputElement }) => e.target.select() } }}
        />
        <Button variant="contained" onClick={() => void copy()} sx={{ whiteSpace: 'nowrap', minWidth: 96, height: 56 }}>
          複製
        </Button>
      </Stack>
      <Typography role="status" sx={{ minHeight: 24, color: 'success.main', mb: 2 }}>
        {copied}
      </Typography>
      <Typography variant="h3" sx={{ mb: 1 }}>
        加入 Google 日曆
      </Typography>
      <Typography component="ol" sx={{ mt: 0, pl: 3, mb: 2 }}>
        <li>在電腦上開啟 Google 日曆網頁版。</li>
        <li>點選左側「其他日曆」旁的「＋」，選擇「透過網址新增」。</li>
        <li>將上方網址貼到「日曆網址」，按「新增日曆」。</li>
      </Typography>
      <Typography variant="h3" sx={{ mb: 1 }}>
        加入 Outlook
      </Typography>
      <Typography component="ol" sx={{ mt: 0, pl: 3, mb: 2 }}>
        <li>開啟 Outlook 網頁版或新版 Outlook 的「行事曆」。</li>
        <li>點選「新增行事曆」，選擇「從網頁訂閱」（或「從網際網路訂閱」）。</li>
        <li>將上方網址貼上，輸入行事曆名稱後按「匯入」。</li>
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
        行事曆服務會自行定期更新訂閱（Google 日曆約數小時一次），新通過或取消的借用可能稍後才會出現在行事曆上。
      </Typography>
      <Button onClick={onClose}>我已加入行事曆</Button>
    </Paper>
  );
}

function FeedTable({ rows, onRevoke }: { rows: CalendarFeed[]; onRevoke: (feed: CalendarFeed) => void }) {
  return (
    <Paper component="section" aria-label="我的訂閱" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography variant="h2" sx={{ mb: 2 }}>
        我的訂閱
      </Typography>
      {rows.length === 0 ? (
        <Typography sx={{ color: 'text.secondary' }}>您目前沒有行事曆訂閱。</Typography>
      ) : (
        <Table size="small" aria-label="我的訂閱">
          <TableHead>
            <TableRow>
              <TableCell>訂閱內容</TableCell>
              <TableCell sx={NARROW_HIDDEN}>類別</TableCell>
              <TableCell>建立時間</TableCell>
              <TableCell align="right">操作</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((feed) => (
              <TableRow key={feed.id}>
                <TableCell sx={{ fontWeight: 600, minWidth: 96 }}>{feed.label}</TableCell>
                <TableCell sx={NARROW_HIDDEN}>{feed.kind ? RESOURCE_KIND_LABELS[feed.kind] : '本人申請'}</TableCell>
                <TableCell sx={{ whiteSpace: { sm: 'nowrap' } }}>{formatDateTime(feed.createdAt)}</TableCell>
                <TableCell align="right">
                  <Button size="small" color="error" onClick={() => onRevoke(feed)} aria-label={`停止訂閱：${feed.label}`}>
                    停止訂閱
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}
