import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import MuiLink from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  allowedChildKinds,
  indexById,
  isRetired,
  labelOf,
  moveProblem,
  ORG_KIND_LABELS,
  pathOf,
  type OrgKind,
} from '../../../../domain/org-tree';
import {
  createOrganizationSchema,
  moveOrganizationSchema,
  renameOrganizationSchema,
} from '../../../../domain/schemas/organization';
import { ApiError, errorMessage } from '../../lib/api';
import { organizationsApi } from './api';
import type { OrgUnit, StartedChange } from './types';

/** What the dialog does: 新增下級單位 (under `unit`, or a top-level 機關 of `category`), 修改名稱, 移動, 裁撤, 復原. */
export type ChangeAction =
  | { type: 'create'; parent: OrgUnit | null; category?: OrgKind }
  | { type: 'rename' | 'move' | 'retire' | 'restore'; unit: OrgUnit };

const TITLES = { create: '新增下級單位', rename: '修改名稱', move: '移動', retire: '裁撤', restore: '復原' } as const;

interface Props {
  action: ChangeAction;
  units: readonly OrgUnit[];
  onStarted: (started: StartedChange) => void;
  onClose: () => void;
}

/** One dialog for every tree change; checks the form with the API's own schemas, then shows the server's answer. */
export function ChangeDialog({ action, units, onStarted, onClose }: Props) {
  const unit = action.type === 'create' ? null : action.unit;
  const parent = action.type === 'create' ? action.parent : null;
  const kinds = action.type === 'create' ? (parent ? allowedChildKinds(parent) : action.category ? [action.category] : []) : [];
  const [name, setName] = useState(action.type === 'rename' ? action.unit.name : '');
  const [shortName, setShortName] = useState(action.type === 'rename' ? (action.unit.shortName ?? '') : '');
  const [kind, setKind] = useState<OrgKind | ''>(kinds[0] ?? '');
  const [target, setTarget] = useState<OrgUnit | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<{ message: string; openUrl?: string } | null>(null);
  const [pending, setPending] = useState(false);
  const titleId = useId();

  const byId = useMemo(() => indexById(units), [units]);
  const pathLabel = (u: OrgUnit) => labelOf(pathOf(u, byId));
  const targets = useMemo(
    () => (unit && action.type === 'move' ? units.filter((u) => moveProblem(unit, u, units) === null) : []),
    [unit, action.type, units],
  );

  const send = (): Promise<StartedChange> | null => {
    const check = <T,>(
      result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
    ) => {
      if (result.success) return true;
      const next: Record<string, string> = {};
      for (const issue of result.error.issues) next[String(issue.path[0] ?? '_')] ??= issue.message;
      setFields(next);
      return false;
    };
    if (action.type === 'create') {
      const body = { parentId: parent?.id ?? null, name, shortName, kind: kind || undefined };
      return check(createOrganizationSchema.safeParse(body)) ? organizationsApi.create(body) : null;
    }
    const id = action.unit.id;
    if (action.type === 'rename') {
      const body = { name, shortName };
      return check(renameOrganizationSchema.safeParse(body)) ? organizationsApi.rename(id, body) : null;
    }
    if (action.type === 'move') {
      const body = { parentId: target?.id ?? '' };
      return check(moveOrganizationSchema.safeParse(body)) ? organizationsApi.move(id, body) : null;
    }
    return organizationsApi.act(id, action.type);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setFields({});
    setError(null);
    const started = send();
    if (!started) return;
    setPending(true);
    try {
      onStarted(await started);
    } catch (cause) {
      const open = cause instanceof ApiError ? (cause.details.openRequest as { url?: string } | undefined) : undefined;
      if (cause instanceof ApiError && cause.fields) setFields(cause.fields as Record<string, string>);
      setError({ message: errorMessage(cause), openUrl: open?.url });
      setPending(false);
    }
  };

  const title =
    action.type === 'create' && !parent
      ? `新增${action.category ? ORG_KIND_LABELS[action.category] : '機關'}`
      : TITLES[action.type];
  return (
    <Dialog open onClose={pending ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={submit}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {parent && (
              <DialogContentText>
                上級單位：{pathLabel(parent)}（{parent.code}）
              </DialogContentText>
            )}
            {unit && (
              <DialogContentText>
                單位：{pathLabel(unit)}（{unit.code}）
              </DialogContentText>
            )}
            {action.type === 'retire' && (
              <DialogContentText>
                裁撤後此單位及其下級單位不再出現於機關單位選單；AD
                組織單位保留並標示「已裁撤」。單位內仍有未停用的帳號或待審核的申請時無法裁撤。
              </DialogContentText>
            )}
            {action.type === 'restore' && <DialogContentText>復原此單位及與其一併裁撤的下級單位。</DialogContentText>}
            {error && (
              <Alert severity="error" role="alert">
                {error.message}
                {error.openUrl && (
                  <>
                    {' '}
                    <MuiLink component={Link} to={error.openUrl} onClick={onClose}>
                      查看進行中的異動作業
                    </MuiLink>
                  </>
                )}
              </Alert>
            )}
            {action.type === 'create' && (
              <TextField
                select
                label="單位類型"
                value={kind}
                onChange={(e) => setKind(e.target.value as OrgKind)}
                error={Boolean(fields.kind)}
                helperText={fields.kind ?? '單位代碼由系統依類型編配（科/室/課 01–49、二級機關 51–89）'}
              >
                {kinds.map((k) => (
                  <MenuItem key={k} value={k}>
                    {ORG_KIND_LABELS[k]}
                  </MenuItem>
                ))}
              </TextField>
            )}
            {(action.type === 'create' || action.type === 'rename') && (
              <>
                <TextField
                  label="單位名稱"
                  required
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  error={Boolean(fields.name)}
                  helperText={fields.name ?? '最多 50 字'}
                  autoFocus
                />
                <TextField
                  label="簡稱"
                  value={shortName}
                  onChange={(e) => setShortName(e.target.value)}
                  error={Boolean(fields.shortName)}
                  helperText={fields.shortName ?? '選填，最多 20 字'}
                />
              </>
            )}
            {action.type === 'move' && (
              <Autocomplete
                options={targets}
                value={target}
                onChange={(_e, value) => setTarget(value)}
                getOptionLabel={(u) => `${pathLabel(u)}（${u.code}）`}
                renderInput={(params) => (
                  <TextField
                    {...params}
                    label="新的上級單位"
                    required
                    error={Boolean(fields.parentId)}
                    helperText={fields.parentId ?? '只列出此單位可移入的單位；單位代碼不變，帳號隨單位移動'}
                  />
                )}
              />
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={pending}>
            取消
          </Button>
          <Button
            type="submit"
            variant="contained"
            color={action.type === 'retire' ? 'error' : 'primary'}
            disabled={pending || (unit !== null && isRetired(unit) && action.type !== 'restore')}
          >
            {pending ? '處理中…' : `確定${action.type === 'create' ? '新增' : TITLES[action.type]}`}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
