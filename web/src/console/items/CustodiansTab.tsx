import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { isApiError } from '../../lib/api';
import { useMutation } from '../../lib/data';
import { itemsApi, type ItemDetail, type Person } from './api';
import { ChangeLog, type ChangesPath } from './ChangeLog';
import { KINDS } from './kinds';
import { PersonPicker, personText } from './PersonPicker';

/** What a 保管人設定 tab shows and changes: an item's or a 報修類型's two holders and their log. */
export interface CustodySpec {
  /** A slot's word (保管人, 管理人, 類型保管人) and the log's and buttons' (保管人, 管理人). */
  words: { slot: string; log: string };
  /** The line above the table (每個場地可設置 2 位保管人 …). */
  hint: string;
  holders: readonly [Person | null, Person | null];
  editable: boolean;
  set: (slot: 1 | 2, body: { userId: string | null; reason: string }) => Promise<void>;
  changesPath: ChangesPath;
}

/** An item's 保管人設定 (a driver's 管理人設定). */
export function CustodiansTab({ item, onSaved }: { item: ItemDetail; onSaved: (message: string) => void }) {
  const word = KINDS[item.kind].custodian;
  const each = item.kind === 'DRIVER' ? '位司機' : item.kind === 'CAR' ? '輛公務車' : '個場地';
  return (
    <Custodians
      spec={{
        words: { slot: word, log: word },
        hint: `每${each}可設置 2 位${word}；${word} 1 為必填，${word} 2 可移除。`,
        holders: [item.custodian1, item.custodian2],
        editable: item.allowedActions.includes('item.custodians'),
        set: (slot, body) => itemsApi.setCustodian(item.kind, item.id, slot, body),
        changesPath: (range, xlsx) => itemsApi.changesPath(item.kind, item.id, range, xlsx),
      }}
      onSaved={onSaved}
    />
  );
}

/**
 * 保管人設定: the two holders, each changed with 設置保管人 (a new holder and 異動原因); holder 2 is
 * removed by clearing the name. The 保管人異動 log below.
 */
export function Custodians({ spec, onSaved }: { spec: CustodySpec; onSaved: (message: string) => void }) {
  const { slot: word, log } = spec.words;
  const [editing, setEditing] = useState<1 | 2 | null>(null);
  const [logVersion, setLogVersion] = useState(0);
  return (
    <Stack spacing={3}>
      <Paper variant="outlined" component="section" aria-label={`${log}設定`} sx={{ p: 2 }}>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
          {spec.hint}
        </Typography>
        <Table size="small" aria-label={`${log}設定`}>
          <TableHead>
            <TableRow>
              <TableCell>項目</TableCell>
              <TableCell>{word}</TableCell>
              <TableCell>單位</TableCell>
              <TableCell align="right">操作</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {spec.holders.map((holder, i) => (
              <TableRow key={i}>
                <TableCell>{`${word} ${i + 1}`}</TableCell>
                <TableCell>{holder ? personText(holder) : '未設置'}</TableCell>
                <TableCell>{holder?.unit ?? ''}</TableCell>
                <TableCell align="right">
                  {spec.editable && (
                    <Button
                      size="small"
                      variant="outlined"
                      onClick={() => setEditing((i + 1) as 1 | 2)}
                      aria-label={`${word} ${i + 1} 設置${log}`}
                    >
                      設置{log}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <ChangeLog word={log} path={spec.changesPath} version={logVersion} />
      {editing && (
        <CustodianDialog
          spec={spec}
          slot={editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            setLogVersion((v) => v + 1);
            onSaved('編輯成功');
          }}
        />
      )}
    </Stack>
  );
}

function CustodianDialog({
  spec,
  slot,
  onClose,
  onDone,
}: {
  spec: CustodySpec;
  slot: 1 | 2;
  onClose: () => void;
  onDone: () => void;
}) {
  const { slot: word, log } = spec.words;
  const current = spec.holders[slot - 1] ?? null;
  const [person, setPerson] = useState<Person | null>(current);
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const save = useMutation((userId: string | null) => spec.set(slot, { userId, reason }), {
    onSuccess: onDone,
    onError: (cause) => {
      if (isApiError(cause) && Object.keys(cause.fields).length > 0) {
        setFields(cause.fields);
        return null;
      }
      return undefined;
    },
  });
  const confirm = () => {
    const problems: Record<string, string> = {};
    if (!person && slot === 1) problems.userId = `${word} 1 為必填，不可移除`;
    if (!reason.trim()) problems.reason = '請輸入異動原因';
    setFields(problems);
    if (Object.keys(problems).length === 0) void save.run(person?.id ?? null);
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="custodian-dialog-title">
      <DialogTitle id="custodian-dialog-title">{`設置${log}（${word} ${slot}）`}</DialogTitle>
      <DialogContent>
        {save.error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {save.error}
          </Alert>
        )}
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2">
            目前{word}：{current ? personText(current) : '未設置'}
          </Typography>
          <PersonPicker
            label={`新${word}姓名`}
            value={person}
            onChange={setPerson}
            error={fields.userId}
            required={slot === 1}
            helperText={slot === 2 ? `輸入帳號或姓名開頭查詢；清空後確定即移除${word} 2` : undefined}
          />
          <TextField
            label="異動原因"
            required
            multiline
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={Boolean(fields.reason)}
            helperText={fields.reason}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>取消</Button>
        <Button variant="contained" onClick={confirm} disabled={save.pending}>
          確定
        </Button>
      </DialogActions>
    </Dialog>
  );
}
