import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { REPAIR_AUDIENCE_LABELS } from '../../../../domain/repairs/labels';
import type { FieldErrors } from '../../lib/api';
import type { Named, Person } from '../items/api';
import { AudienceField } from '../items/AudienceField';
import { ListSection } from '../items/CarDrivers';
import { fieldError } from '../items/itemForm';
import { ChoiceField } from '../items/ItemFields';
import { PersonPicker, personText } from '../items/PersonPicker';
import type { RepairTypeForm } from './repairTypeForm';

/** 報修類型資訊 (名稱, 所屬機關, 允許報修機關, 回覆時限), 報修廠商資訊 and 分類: for 新增 and 編輯 alike. */
export function RepairTypeFields({
  form,
  onChange,
  fields,
  agencies,
  managedAgencies: managed,
  disabled = false,
}: {
  form: RepairTypeForm;
  onChange: (patch: Partial<RepairTypeForm>) => void;
  fields: FieldErrors;
  /** Every agency (允許報修機關's list). */
  agencies: Named[];
  /** The 所屬機關 offered. */
  managedAgencies: Named[];
  disabled?: boolean;
}) {
  const pickAgency = (agencyId: string) => onChange({ agencyId });
  return (
    <Stack spacing={3} sx={{ maxWidth: 760 }}>
      <Grid container spacing={2}>
        <Grid size={12}>
          <TextField
            fullWidth
            required
            label="名稱"
            value={form.name}
            onChange={(e) => onChange({ name: e.target.value })}
            error={Boolean(fields.name)}
            helperText={fields.name}
            disabled={disabled}
          />
        </Grid>
        <Grid size={12}>
          <ChoiceField label="所屬機關" value={form.agencyId} onChange={pickAgency} error={fields.agencyId} choices={managed} />
        </Grid>
        <Grid size={12}>
          <AudienceField label="允許報修機關" choices={REPAIR_AUDIENCE_LABELS} {...{ form, agencies, onChange, fields }} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField
            fullWidth
            label="回覆時限（小時）"
            value={form.replyTargetHours}
            onChange={(e) => onChange({ replyTargetHours: e.target.value })}
            error={Boolean(fields.replyTargetHours)}
            helperText={fields.replyTargetHours ?? '待處理案件逾此時數未回覆即提醒維修人員；空白表示依系統參數'}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            disabled={disabled}
          />
        </Grid>
      </Grid>
      <Vendors
        vendors={form.vendors}
        onChange={(vendors) => onChange({ vendors })}
        error={fieldError(fields, 'vendorIds')}
        disabled={disabled}
      />
      <Categories form={form} onChange={onChange} fields={fields} disabled={disabled} />
    </Stack>
  );
}

/** 報修廠商資訊: the 維修人員, each removable; 設置維修人員 picks one more (at least 2 characters typed). */
function Vendors({
  vendors,
  onChange,
  error,
  disabled,
}: {
  vendors: Person[];
  onChange: (vendors: Person[]) => void;
  error?: string;
  disabled: boolean;
}) {
  const [adding, setAdding] = useState(false);
  const [picked, setPicked] = useState<Person | null>(null);
  const close = () => {
    setAdding(false);
    setPicked(null);
  };
  return (
    <ListSection
      title="報修廠商資訊"
      action={
        !disabled && (
          <Button variant="outlined" size="small" onClick={() => setAdding(true)}>
            設置維修人員
          </Button>
        )
      }
      error={error}
    >
      <List dense aria-label="維修人員" disablePadding>
        {vendors.length === 0 && (
          <ListItem disableGutters>
            <ListItemText secondary="尚未設置維修人員" />
          </ListItem>
        )}
        {vendors.map((v) => (
          <ListItem
            key={v.id}
            disableGutters
            secondaryAction={
              !disabled && (
                <IconButton
                  edge="end"
                  aria-label={`移除維修人員 ${v.name}`}
                  onClick={() => onChange(vendors.filter((x) => x.id !== v.id))}
                >
                  <CloseIcon fontSize="small" />
                </IconButton>
              )
            }
          >
            <ListItemText primary={personText(v)} secondary={v.unit} />
          </ListItem>
        ))}
      </List>
      {adding && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mt: 1, alignItems: { sm: 'flex-start' } }}>
          <Box sx={{ flex: 1 }}>
            <PersonPicker
              label="新維修人員姓名"
              value={picked}
              onChange={setPicked}
              minChars={2}
              exclude={vendors.map((v) => v.id)}
            />
          </Box>
          <Stack direction="row" spacing={1} sx={{ pt: 1 }}>
            <Button
              variant="contained"
              disabled={!picked}
              onClick={() => {
                if (picked) onChange([...vendors, picked]);
                close();
              }}
            >
              確定
            </Button>
            <Button onClick={close}>取消</Button>
          </Stack>
        </Stack>
      )}
    </ListSection>
  );
}

let newKeys = 0;

/** 分類: the names a 維修人員 files a reply under; 新增, rename in place, 停用 (kept on old replies) / 啟用. */
function Categories({
  form,
  onChange,
  fields,
  disabled,
}: {
  form: RepairTypeForm;
  onChange: (patch: Partial<RepairTypeForm>) => void;
  fields: FieldErrors;
  disabled: boolean;
}) {
  const [draft, setDraft] = useState('');
  const list = form.categories;
  const set = (i: number, patch: Partial<RepairTypeForm['categories'][number]>) =>
    onChange({ categories: list.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const add = () => {
    const name = draft.trim();
    if (!name) return;
    onChange({ categories: [...list, { key: `new-${++newKeys}`, name, retired: false }] });
    setDraft('');
  };
  return (
    <Paper variant="outlined" component="section" aria-labelledby="categories-title" sx={{ p: 2 }}>
      <Typography id="categories-title" component="h2" variant="h6">
        分類
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1.5 }}>
        維修人員回報處理狀況時選擇的分類；停用的分類保留在既有的回覆上，不再提供選擇。
      </Typography>
      {fields.categories && (
        <Alert severity="error" sx={{ mb: 1.5 }}>
          {fields.categories}
        </Alert>
      )}
      <Stack spacing={1.5} component="ul" aria-label="分類" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {list.map((c, i) => (
          <Stack key={c.key} component="li" direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <TextField
              size="small"
              sx={{ flex: 1 }}
              label={`分類 ${i + 1}`}
              value={c.name}
              onChange={(e) => set(i, { name: e.target.value })}
              error={Boolean(fields[`categories.${i}.name`])}
              helperText={fields[`categories.${i}.name`]}
              disabled={disabled}
            />
            {c.retired && <Chip size="small" label="已停用" />}
            {!disabled &&
              (c.id ? (
                <Button
                  size="small"
                  onClick={() => set(i, { retired: !c.retired })}
                  aria-label={`${c.retired ? '啟用' : '停用'} ${c.name}`}
                >
                  {c.retired ? '啟用' : '停用'}
                </Button>
              ) : (
                <IconButton
                  aria-label={`移除 ${c.name}`}
                  onClick={() => onChange({ categories: list.filter((_, j) => j !== i) })}
                >
                  <CloseIcon fontSize="small" />
                </IconButton>
              ))}
          </Stack>
        ))}
      </Stack>
      {!disabled && (
        <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: 'center' }}>
          <TextField
            size="small"
            sx={{ flex: 1 }}
            label="新增分類"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <IconButton aria-label="加入分類" color="primary" onClick={add} disabled={!draft.trim()}>
            <AddIcon />
          </IconButton>
        </Stack>
      )}
    </Paper>
  );
}
