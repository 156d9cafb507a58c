import Box from '@mui/material/Box';
import FormHelperText from '@mui/material/FormHelperText';
import Skeleton from '@mui/material/Skeleton';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import {
  cascadeLevels,
  choose,
  ORG_TAB_LABELS,
  ORG_TABS,
  pathCodes,
  pathFitsTab,
  selectionOf,
  type OrgIndex,
  type OrgTab,
} from './orgCascade';
import { useOrganizations } from './useOrganizations';
import { RetryAlert } from '../../common/RetryAlert';

/** The manual's two hints under the picker (§3.2.3, reconstructed from the garbled screenshots). */
export const ORGANIZATION_HINTS = [
  '若您所屬的科（室、課）不在選單中，請選擇所屬機關的秘書室（處）或最相近的單位。',
  '二級機關或區公所同仁，請務必選擇至最後一層下拉選單，選擇您所隸屬的機關（單位）名稱。',
] as const;

export const INCOMPLETE_MESSAGE = '請繼續選擇下一層，直到最後一層單位';

interface OrganizationPickerProps {
  /** The id of the element that labels the picker (the form row's 機關單位). */
  labelledBy: string;
  /** The chosen unit's code ('' = none): only a unit with no units below it is a choice. */
  value: string;
  onChange: (code: string) => void;
  error?: string;
  disabled?: boolean;
}

/** 機關單位: tabs 全部 / 府內單位 / 府外機關 / 區公所, then cascading 「請選擇」 drop-downs, 已選擇 and hints. */
export function OrganizationPicker({ labelledBy, value, onChange, error, disabled }: OrganizationPickerProps) {
  const { index, error: loadError, retry } = useOrganizations();
  return (
    <Box role="group" aria-labelledby={labelledBy} sx={{ minWidth: 0 }}>
      {loadError ? (
        <RetryAlert onRetry={retry} retryLabel="重新載入">
          無法載入機關單位：{loadError}
        </RetryAlert>
      ) : index ? (
        <Cascade index={index} labelledBy={labelledBy} value={value} onChange={onChange} error={error} disabled={disabled} />
      ) : (
        <Box role="status" aria-label="機關單位載入中">
          <Skeleton variant="rounded" height={40} sx={{ mb: 1 }} />
          <Skeleton variant="rounded" height={56} />
        </Box>
      )}
      <Box component="ul" sx={{ m: 0, mt: 1, pl: 2.5, color: 'text.secondary', typography: 'body2' }}>
        {ORGANIZATION_HINTS.map((hint) => (
          <li key={hint}>{hint}</li>
        ))}
      </Box>
    </Box>
  );
}

function Cascade({ index, value, onChange, error, disabled }: OrganizationPickerProps & { index: OrgIndex }) {
  const [tab, setTab] = useState<OrgTab>('ALL');
  // null until the user chooses: the path then follows `value` (e.g. a saved application's unit).
  const [chosen, setChosen] = useState<string[] | null>(null);
  const path = chosen ?? pathCodes(index, value);
  const levels = cascadeLevels(index, tab, path);
  const selection = selectionOf(index, path);
  const errorId = useId();

  const update = (next: string[]) => {
    setChosen(next);
    onChange(selectionOf(index, next).code ?? '');
  };

  const changeTab = (next: OrgTab) => {
    setTab(next);
    if (!pathFitsTab(index, path, next)) update([]);
  };

  return (
    <>
      <Tabs
        value={tab}
        onChange={(_event, next: OrgTab) => changeTab(next)}
        aria-label="機關單位分類"
        variant="scrollable"
        allowScrollButtonsMobile
        sx={{ minHeight: 40, mb: 1.5, borderBottom: 1, borderColor: 'divider', '& .MuiTab-root': { minHeight: 40, py: 1 } }}
      >
        {ORG_TABS.map((item) => (
          <Tab key={item} value={item} label={ORG_TAB_LABELS[item]} disabled={disabled} />
        ))}
      </Tabs>
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: 'repeat(auto-fill, minmax(220px, 1fr))' } }}>
        {levels.map((level, depth) => (
          <TextField
            key={`${depth}-${level.parentCode ?? 'top'}`}
            select
            value={level.value}
            onChange={(event) => update(choose(path, depth, event.target.value))}
            disabled={disabled}
            error={Boolean(error) && level.value === ''}
            size="small"
            slotProps={{
              select: { native: true },
              htmlInput: {
                'aria-label': depth === 0 ? '機關單位第 1 層' : `機關單位第 ${depth + 1} 層`,
                'aria-describedby': error ? errorId : undefined,
              },
            }}
          >
            <option value="">請選擇</option>
            {level.options.map((item) => (
              <option key={item.code} value={item.code}>
                {item.name}
              </option>
            ))}
          </TextField>
        ))}
      </Box>
      <Typography sx={{ mt: 1.5 }} aria-live="polite">
        已選擇：
        {selection.label ? (
          <strong>{selection.label}</strong>
        ) : (
          <Box component="span" sx={{ color: 'text.secondary' }}>
            尚未選擇
          </Box>
        )}
      </Typography>
      {selection.incomplete && !error && (
        <FormHelperText sx={{ color: 'warning.main', mx: 0 }}>{INCOMPLETE_MESSAGE}</FormHelperText>
      )}
      {error && (
        <FormHelperText error id={errorId} sx={{ mx: 0 }}>
          {selection.incomplete ? INCOMPLETE_MESSAGE : error}
        </FormHelperText>
      )}
    </>
  );
}
