import ChevronRight from '@mui/icons-material/ChevronRight';
import ExpandMore from '@mui/icons-material/ExpandMore';
import MoreVert from '@mui/icons-material/MoreVert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { allowedChildKinds, isAgencyKind, isRetired, type OrgTreeNode } from '../../../../domain/org-tree';
import type { ChangeAction } from './ChangeDialog';
import type { OrgUnit } from './types';

type Node = OrgTreeNode<OrgUnit>;

interface Props {
  roots: Node[];
  query: string;
  onAction: (action: ChangeAction) => void;
  onShowRequest: (workflowId: string) => void;
}

const matches = (n: OrgUnit, q: string) =>
  n.name.includes(q) || (n.shortName ?? '').includes(q) || n.code.toLowerCase().includes(q.toLowerCase());

/** Ids of the nodes to show for a search (matches and their ancestors), or null for no search. */
function visibleFor(roots: Node[], q: string): Set<string> | null {
  if (!q) return null;
  const shown = new Set<string>();
  const walk = (n: Node): boolean => {
    let keep = matches(n, q);
    for (const c of n.children) keep = walk(c) || keep;
    if (keep) shown.add(n.id);
    return keep;
  };
  roots.forEach(walk);
  return shown;
}

/** Active accounts in a unit and everything below it. */
const subtreeAccounts = (n: Node): number => n.activeAccounts + n.children.reduce((s, c) => s + subtreeAccounts(c), 0);

/** The organisation tree: expand/collapse, search, counts, and each unit's actions. */
export function OrgTree({ roots, query, onAction, onShowRequest }: Props) {
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const visible = useMemo(() => visibleFor(roots, query), [roots, query]);
  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (visible && visible.size === 0) return <Typography sx={{ color: 'text.secondary' }}>查無符合的單位。</Typography>;
  const render = (n: Node, depth: number) => {
    if (visible && !visible.has(n.id)) return null;
    const open = visible ? true : expanded.has(n.id);
    return (
      <Box component="li" key={n.id} sx={{ listStyle: 'none' }} aria-label={n.name}>
        <UnitRow
          node={n}
          depth={depth}
          open={open}
          onToggle={() => toggle(n.id)}
          onAction={onAction}
          onShowRequest={onShowRequest}
        />
        {open && n.children.length > 0 && (
          <Box component="ul" role="group" sx={{ m: 0, p: 0 }}>
            {n.children.map((c) => render(c, depth + 1))}
          </Box>
        )}
      </Box>
    );
  };
  return (
    <Box component="ul" aria-label="組織樹" sx={{ m: 0, p: 0 }}>
      {roots.map((r) => render(r, 0))}
    </Box>
  );
}

function UnitRow({
  node,
  depth,
  open,
  onToggle,
  onAction,
  onShowRequest,
}: {
  node: Node;
  depth: number;
  open: boolean;
  onToggle: () => void;
  onAction: (action: ChangeAction) => void;
  onShowRequest: (workflowId: string) => void;
}) {
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const retired = isRetired(node);
  const act = (action: ChangeAction) => {
    setMenu(null);
    onAction(action);
  };
  const total = subtreeAccounts(node);
  return (
    <Box
      data-testid={`org-${node.code}`}
      sx={{
        display: 'flex',
        // On a phone the chips and counts move to a second line instead of squeezing the name.
        flexWrap: 'wrap',
        alignItems: 'center',
        columnGap: 1,
        py: 0.25,
        pl: depth * 3,
        borderBottom: 1,
        borderColor: 'divider',
        color: retired ? 'text.disabled' : undefined,
      }}
    >
      {node.children.length > 0 ? (
        <IconButton
          size="small"
          onClick={onToggle}
          aria-label={open ? `收合 ${node.name}` : `展開 ${node.name}`}
          aria-expanded={open}
        >
          {open ? <ExpandMore fontSize="small" /> : <ChevronRight fontSize="small" />}
        </IconButton>
      ) : (
        <Box sx={{ width: 34 }} />
      )}
      <Typography
        sx={{
          fontWeight: isAgencyKind(node.kind) ? 700 : 400,
          textDecoration: retired ? 'line-through' : undefined,
          flexShrink: 0,
          maxWidth: '100%',
        }}
      >
        {node.name}
      </Typography>
      <Typography variant="body2" sx={{ fontFamily: 'monospace', color: 'text.secondary', whiteSpace: 'nowrap' }}>
        {node.code}
      </Typography>
      <Chip size="small" variant="outlined" label={node.kindLabel} />
      {retired && <Chip size="small" label="已裁撤" />}
      {node.pendingChange && (
        <Chip
          size="small"
          color="info"
          label={node.pendingChange.statusLabel}
          onClick={() => onShowRequest(node.pendingChange!.workflowId)}
        />
      )}
      <Typography variant="body2" sx={{ ml: 'auto', color: 'text.secondary', whiteSpace: 'nowrap' }}>
        帳號 {node.activeAccounts}
        {total !== node.activeAccounts ? `（含下級 ${total}）` : ''}
      </Typography>
      <IconButton size="small" aria-label={`${node.name} 的操作`} onClick={(e) => setMenu(e.currentTarget)}>
        <MoreVert fontSize="small" />
      </IconButton>
      <Menu anchorEl={menu} open={Boolean(menu)} onClose={() => setMenu(null)}>
        {!retired && allowedChildKinds(node).length > 0 && (
          <MenuItem onClick={() => act({ type: 'create', parent: node })}>新增下級單位</MenuItem>
        )}
        {!retired && <MenuItem onClick={() => act({ type: 'rename', unit: node })}>修改名稱</MenuItem>}
        {!retired && node.parentId !== null && <MenuItem onClick={() => act({ type: 'move', unit: node })}>移動</MenuItem>}
        {!retired && <MenuItem onClick={() => act({ type: 'retire', unit: node })}>裁撤</MenuItem>}
        {retired && <MenuItem onClick={() => act({ type: 'restore', unit: node })}>復原</MenuItem>}
      </Menu>
    </Box>
  );
}
