import EditOutlined from '@mui/icons-material/EditOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { parameterEditSchema } from '../../../../domain/system-parameter-display';
import { PageHeading } from '../../common/PageHeading';
import { ApiError, errorMessage } from '../../lib/api';
import { useResource } from '../../lib/data';
import { formatDateTime } from '../../lib/datetime';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { ROUTES } from '../../routes/paths';
import { parametersApi, type Parameter } from './api';

const rangeText = (p: Pick<Parameter, 'min' | 'max' | 'unit'>) =>
  p.min !== null && p.max !== null ? `${p.min} ～ ${p.max}${p.unit ? ` ${p.unit}` : ''}` : '';

/** 管理主控台 › 系統參數管理 (系統管理者): every parameter in its unit; 修改 one in a dialog. */
export default function SystemParametersPage() {
  const { data, error, set } = useResource(parametersApi.list);
  const items = data?.items ?? null;
  const [editing, setEditing] = useState<Parameter | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <>
      <PageHeading title={ROUTES.consoleParameters.title} />
      <Typography sx={{ color: 'text.secondary', mb: 2 }}>
        系統參數影響帳號閒置停用、密碼有效期限、登入鎖定、申請案催辦與驗證碼等作業；修改後立即生效，並記錄於帳號使用紀錄。
      </Typography>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      {saved && (
        <Alert severity="success" sx={{ mb: 2 }} role="status" onClose={() => setSaved(null)}>
          {saved}
        </Alert>
      )}
      <TableContainer component={Paper}>
        <Table aria-label="系統參數" size="small">
          <TableHead>
            <TableRow>
              <TableCell>參數名稱</TableCell>
              <TableCell>設定值</TableCell>
              <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>預設值</TableCell>
              <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>可設定範圍</TableCell>
              <TableCell sx={{ display: { xs: 'none', lg: 'table-cell' } }}>最後修改</TableCell>
              <TableCell align="right">操作</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(items ?? []).map((p) => (
              <TableRow key={p.key} hover>
                <TableCell>
                  <Typography sx={{ fontWeight: 600 }}>{p.label}</Typography>
                  <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                    {p.description}
                  </Typography>
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: 600 }}>{p.valueText}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap', display: { xs: 'none', md: 'table-cell' } }}>{p.defaultText}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap', display: { xs: 'none', md: 'table-cell' } }}>{rangeText(p)}</TableCell>
                <TableCell sx={{ display: { xs: 'none', lg: 'table-cell' } }}>
                  {p.updatedBy && p.updatedAt ? (
                    <>
                      {p.updatedBy.name}（{p.updatedBy.account}）
                      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                        {formatDateTime(p.updatedAt)}
                      </Typography>
                    </>
                  ) : (
                    <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                      尚未修改（系統預設）
                    </Typography>
                  )}
                </TableCell>
                <TableCell align="right">
                  <Button size="small" startIcon={<EditOutlined />} onClick={() => setEditing(p)} aria-label={`修改${p.label}`}>
                    修改
                  </Button>
                </TableCell>
              </TableRow>
            ))}
            {items?.length === 0 && (
              <TableRow>
                <TableCell colSpan={6}>查無系統參數</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      {editing && (
        <EditDialog
          parameter={editing}
          onClose={() => setEditing(null)}
          onSaved={(updated) => {
            setEditing(null);
            setSaved(`已將「${updated.label}」修改為 ${updated.valueText}。`);
            if (items) set({ items: items.map((p) => (p.key === updated.key ? updated : p)) });
          }}
        />
      )}
    </>
  );
}

function EditDialog({
  parameter,
  onClose,
  onSaved,
}: {
  parameter: Parameter;
  onClose: () => void;
  onSaved: (p: Parameter) => void;
}) {
  const [value, setValue] = useState(String(parameter.value));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { run, pending } = useSingleFlight();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The same rules as the server (range from the parameter's definition, in its unit).
    // The server takes a JSON number only; an empty field is "not entered", not 0.
    const number = value.trim() === '' ? undefined : Number(value);
    const checked = parameterEditSchema({ ...parameter, ...unitless(parameter) }).safeParse({ value: number });
    if (!checked.success) return setFieldError(checked.error.issues[0]?.message ?? '輸入資料有誤');
    setFieldError(null);
    void run(async () => {
      setFormError(null);
      try {
        onSaved(await parametersApi.save(parameter.key, number));
      } catch (cause) {
        if (cause instanceof ApiError && cause.fields?.value) setFieldError(cause.fields.value);
        else setFormError(errorMessage(cause));
      }
    });
  };

  return (
    <Dialog open onClose={pending ? undefined : onClose} fullWidth maxWidth="xs" aria-labelledby="parameter-edit-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="parameter-edit-title">修改系統參數</DialogTitle>
        <DialogContent>
          <Typography sx={{ fontWeight: 600 }}>{parameter.label}</Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
            {parameter.description}
          </Typography>
          {formError && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {formError}
            </Alert>
          )}
          <TextField
            autoFocus
            fullWidth
            label={parameter.label}
            type="number"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            error={Boolean(fieldError)}
            helperText={fieldError ?? `可設定範圍：${rangeText(parameter)}；預設值 ${parameter.defaultText}`}
            slotProps={{
              htmlInput: { min: parameter.min ?? undefined, max: parameter.max ?? undefined, step: 1, inputMode: 'numeric' },
              input: parameter.unit
                ? { endAdornment: <InputAdornment position="end">{parameter.unit}</InputAdornment> }
                : undefined,
            }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={pending}>
            取消
          </Button>
          <Button type="submit" variant="contained" disabled={pending}>
            {pending ? '儲存中…' : '確定'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/**
 * The list gives min/max already in the display unit; checking in the browser treats the value as
 * unit-less with those bounds (the server converts and checks again against the definition).
 */
function unitless(p: Parameter) {
  return { type: p.type === 'DURATION' ? ('INT' as const) : p.type, min: p.min, max: p.max };
}
