import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import Autocomplete from '@mui/material/Autocomplete';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';

export interface NamedAgency {
  id: string;
  name: string;
}

/**
 * Agencies picked one by one (+) and taken off again (x): 允許借用機關's other agencies (物品管理) and
 * 轉登's 顯示此轉登入口的機關 (應用系統服務介接申請).
 */
export function AgencyListPicker({
  label,
  agencies,
  listed,
  onChange,
  error = false,
}: {
  /** The picker's and the list's accessible name (其他機關, 顯示此轉登入口的機關). */
  label: string;
  /** Every agency that may be picked. */
  agencies: NamedAgency[];
  listed: NamedAgency[];
  onChange: (listed: NamedAgency[]) => void;
  error?: boolean;
}) {
  const [picked, setPicked] = useState<NamedAgency | null>(null);
  const add = () => {
    if (picked && !listed.some((a) => a.id === picked.id)) onChange([...listed, picked]);
    setPicked(null);
  };
  return (
    <Stack spacing={1} sx={{ mt: 1, maxWidth: 480 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Autocomplete
          sx={{ flex: 1 }}
          options={agencies.filter((a) => !listed.some((l) => l.id === a.id))}
          value={picked}
          onChange={(_e, v) => setPicked(v)}
          getOptionLabel={(a) => a.name}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          renderInput={(params) => <TextField {...params} size="small" label={label} error={error} />}
        />
        <IconButton aria-label="加入機關" onClick={add} disabled={!picked} color="primary">
          <AddIcon />
        </IconButton>
      </Stack>
      <List dense aria-label={label} disablePadding>
        {listed.map((a) => (
          <ListItem
            key={a.id}
            disableGutters
            secondaryAction={
              <IconButton edge="end" aria-label={`移除 ${a.name}`} onClick={() => onChange(listed.filter((l) => l.id !== a.id))}>
                <CloseIcon fontSize="small" />
              </IconButton>
            }
          >
            <ListItemText primary={a.name} />
          </ListItem>
        ))}
      </List>
    </Stack>
  );
}
