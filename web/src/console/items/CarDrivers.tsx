import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { useResource } from '../../lib/data';
import { itemsApi, type DriverChoice } from './api';

/**
 * 公務車司機: the drivers a car may be booked with. 選擇公務車司機 opens the 管理機關's drivers as a
 * checklist (「目前沒有資料」 when it has none); 刪除 takes one off.
 */
export function CarDrivers({
  agencyId,
  value,
  onChange,
  disabled,
  error,
}: {
  agencyId: string;
  value: DriverChoice[];
  onChange: (drivers: DriverChoice[]) => void | Promise<void>;
  disabled?: boolean;
  error?: string | null;
}) {
  const [choosing, setChoosing] = useState(false);
  return (
    <ListSection
      title="公務車司機"
      action={
        <Button variant="outlined" onClick={() => setChoosing(true)} disabled={disabled || !agencyId}>
          選擇公務車司機
        </Button>
      }
      error={error}
    >
      <Table size="small" aria-label="公務車司機">
        <TableHead>
          <TableRow>
            <TableCell>司機姓名</TableCell>
            <TableCell>司機證照</TableCell>
            <TableCell>司機聯絡電話</TableCell>
            <TableCell align="right">操作</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.length === 0 && (
            <TableRow>
              <TableCell colSpan={4} align="center">
                目前沒有資料
              </TableCell>
            </TableRow>
          )}
          {value.map((d) => (
            <TableRow key={d.id}>
              <TableCell>{d.name}</TableCell>
              <TableCell>{d.licence}</TableCell>
              <TableCell>{d.phone}</TableCell>
              <TableCell align="right">
                <Button
                  size="small"
                  color="error"
                  disabled={disabled}
                  aria-label={`刪除 ${d.name}`}
                  onClick={() => void onChange(value.filter((v) => v.id !== d.id))}
                >
                  刪除
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {choosing && (
        <ChooseDialog
          agencyId={agencyId}
          chosen={value}
          onClose={() => setChoosing(false)}
          onChosen={(drivers) => {
            setChoosing(false);
            void onChange(drivers);
          }}
        />
      )}
    </ListSection>
  );
}

/** A titled box of a form (公務車司機, 報修廠商資訊): its action button at the right, a refusal above the list. */
export function ListSection({
  title,
  action,
  error,
  children,
}: {
  title: string;
  action?: ReactNode;
  error?: string | null;
  children: ReactNode;
}) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2 }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
        <Typography component="h2" variant="h6">
          {title}
        </Typography>
        {action}
      </Stack>
      {error && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {error}
        </Alert>
      )}
      {children}
    </Paper>
  );
}

function ChooseDialog({
  agencyId,
  chosen,
  onClose,
  onChosen,
}: {
  agencyId: string;
  chosen: DriverChoice[];
  onClose: () => void;
  onChosen: (drivers: DriverChoice[]) => void;
}) {
  const { data, error } = useResource((signal) => itemsApi.driverChoices(agencyId, signal), [agencyId]);
  const [ticked, setTicked] = useState(() => new Set(chosen.map((d) => d.id)));
  const toggle = (id: string) =>
    setTicked((set) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="choose-drivers-title">
      <DialogTitle id="choose-drivers-title">選擇公務車司機</DialogTitle>
      <DialogContent>
        {error && <Alert severity="error">{error}</Alert>}
        {data?.items.length === 0 && <Typography>目前沒有資料</Typography>}
        <FormGroup>
          {data?.items.map((d) => (
            <FormControlLabel
              key={d.id}
              control={<Checkbox checked={ticked.has(d.id)} onChange={() => toggle(d.id)} />}
              label={`${d.name}（${d.licence ?? ''}）`}
            />
          ))}
        </FormGroup>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>取消</Button>
        <Button
          variant="contained"
          disabled={!data}
          onClick={() => onChosen((data?.items ?? []).filter((d) => ticked.has(d.id)))}
        >
          確定
        </Button>
      </DialogActions>
    </Dialog>
  );
}
