import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { buildTree, ORG_CATEGORIES, ORG_KIND_LABELS, type OrgCategory } from '../../../../domain/org-tree';
import { PageHeading } from '../../common/PageHeading';
import { useResource } from '../../lib/data';
import { organizationsApi } from './api';
import { ChangeDialog, type ChangeAction } from './ChangeDialog';
import { ChangeRequestDialog } from './ChangeRequestDialog';
import { OrgTree } from './OrgTree';
import type { StartedChange } from './types';
import { SearchField } from '../../common/SearchField';
import { useSearchParamsPatch } from '../../lib/useSearchParamsPatch';

/** 管理主控台功能 › 組織管理 (system admins): the tree, and every change applied to AD by a workflow. */
export default function OrganizationsPage() {
  const [params, patch] = useSearchParamsPatch();
  const openRequest = params.get('request');
  const { data, error, reload } = useResource(organizationsApi.list);
  const units = data?.items ?? null;
  const [category, setCategory] = useState<OrgCategory>('CITY_HALL_UNIT');
  const [query, setQuery] = useState('');
  const [showRetired, setShowRetired] = useState(false);
  const [action, setAction] = useState<ChangeAction | null>(null);

  const roots = useMemo(() => {
    if (!units) return [];
    return buildTree(units, { includeRetired: showRetired }).filter((root) => root.kind === category);
  }, [units, showRetired, category]);

  const showRequest = (workflowId: string | null) => patch({ request: workflowId });
  const started = (change: StartedChange) => {
    setAction(null);
    void reload();
    showRequest(change.workflowId);
  };

  return (
    <>
      <PageHeading
        title="組織管理"
        actions={
          <Button variant="contained" onClick={() => setAction({ type: 'create', parent: null, category })}>
            新增{ORG_KIND_LABELS[category]}
          </Button>
        }
      />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Tabs value={category} onChange={(_e, value: OrgCategory) => setCategory(value)} aria-label="機關類別" sx={{ mb: 2 }}>
          {ORG_CATEGORIES.map((c) => (
            <Tab key={c} value={c} label={ORG_KIND_LABELS[c]} />
          ))}
        </Tabs>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
          <SearchField label="搜尋單位名稱或代碼" value={query} onChange={setQuery} sx={{ minWidth: 280 }} />
          <FormControlLabel
            control={<Switch checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} />}
            label="顯示已裁撤單位"
            sx={{ whiteSpace: 'nowrap' }}
          />
        </Stack>
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        {!units && !error && <Typography sx={{ color: 'text.secondary' }}>載入中…</Typography>}
        {units && <OrgTree roots={roots} query={query.trim()} onAction={setAction} onShowRequest={(id) => showRequest(id)} />}
      </Paper>
      {action && units && <ChangeDialog action={action} units={units} onStarted={started} onClose={() => setAction(null)} />}
      {openRequest && (
        <ChangeRequestDialog workflowId={openRequest} onClose={() => showRequest(null)} onSettled={() => void reload()} />
      )}
    </>
  );
}
