import AppsOutlined from '@mui/icons-material/AppsOutlined';
import AdminPanelSettingsOutlined from '@mui/icons-material/AdminPanelSettingsOutlined';
import AssignmentOutlined from '@mui/icons-material/AssignmentOutlined';
import ContactsOutlined from '@mui/icons-material/ContactsOutlined';
import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import HomeOutlined from '@mui/icons-material/HomeOutlined';
import ManageAccountsOutlined from '@mui/icons-material/ManageAccountsOutlined';
import OpenInNew from '@mui/icons-material/OpenInNew';
import PersonOutlined from '@mui/icons-material/PersonOutlined';
import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Collapse from '@mui/material/Collapse';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { visuallyHidden } from '../common/visuallyHidden';
import { Fragment, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { AVATAR_URL } from '../account/selfServiceApi';
import { AppAvatar, appLabel, useRedirectApps, type RedirectApp } from '../portal/redirect-apps/redirectApps';
import { config } from '../config';
import type { SessionUser } from '../lib/api/types';
import { menuTarget, routeTrail, visibleMenu, type MenuGroup } from '../routes/menu';
import { accessRolesOf, canAccess, ROUTES, subMenuOf, type AccessRole, type RouteId } from '../routes/paths';

const ICONS: Record<string, ReactNode> = {
  home: <HomeOutlined />,
  account: <ManageAccountsOutlined />,
  my: <PersonOutlined />,
  apps: <AppsOutlined />,
  selfCheck: <VerifiedUserOutlined />,
  communication: <ContactsOutlined />,
  applications: <AssignmentOutlined />,
  console: <AdminPanelSettingsOutlined />,
};

interface SideMenuProps {
  user: SessionUser;
  currentId: RouteId | undefined;
  /** Called after a navigation, so the temporary drawer on small screens can close. */
  onNavigate: () => void;
}

export function SideMenu({ user, currentId, onNavigate }: SideMenuProps) {
  const roles = accessRolesOf(user);
  const menu = visibleMenu(roles);
  // A detail page (e.g. 帳號申請明細) highlights the menu item it belongs to.
  const trail = currentId ? routeTrail(currentId) : [];
  const listed = new Set<RouteId>(
    menu.flatMap((entry) =>
      entry.kind === 'route' ? [entry.route] : entry.items.flatMap((id) => [id, ...subMenuOf(id).map((r) => r.id)]),
    ),
  );
  const highlighted = trail.find((id) => listed.has(id));
  // 應用程式列表 ends with the 轉登 systems of the user's agency (from the API: the route table is static).
  const redirectApps = useRedirectApps().data?.items ?? [];
  return (
    <Box component="nav" aria-label="主選單" sx={{ pb: 3 }}>
      <AvatarBlock user={user} onNavigate={onNavigate} />
      <List disablePadding>
        {menu.map((entry) =>
          entry.kind === 'route' ? (
            <MenuLink
              key={entry.route}
              id={entry.route}
              icon={ICONS[entry.route]}
              currentId={highlighted}
              onNavigate={onNavigate}
            />
          ) : (
            <MenuSection
              key={entry.id}
              group={entry}
              currentId={highlighted}
              roles={roles}
              onNavigate={onNavigate}
              extra={
                entry.id === APPS_GROUP &&
                redirectApps.map((app) => <RedirectAppLink key={app.id} app={app} onNavigate={onNavigate} />)
              }
            />
          ),
        )}
      </List>
    </Box>
  );
}

/** 個人圖像: links to 個人帳號管理. */
function AvatarBlock({ user, onNavigate }: { user: SessionUser; onNavigate: () => void }) {
  return (
    <ButtonBase
      component={Link}
      to={ROUTES.account.path}
      onClick={onNavigate}
      aria-label={`個人帳號管理：${user.name}`}
      sx={{
        display: 'flex',
        width: '100%',
        justifyContent: 'flex-start',
        gap: 1.5,
        px: 2,
        py: 2.5,
        borderBottom: 1,
        borderColor: 'divider',
        textAlign: 'left',
      }}
    >
      <Avatar
        src={user.avatarVersion ? `${AVATAR_URL}?v=${user.avatarVersion}` : undefined}
        alt=""
        sx={{ width: 48, height: 48, bgcolor: 'secondary.main', color: 'secondary.contrastText', fontSize: '1.25rem' }}
        aria-hidden
      >
        {Array.from(user.name)[0] ?? '?'}
      </Avatar>
      <Box sx={{ minWidth: 0 }}>
        <Typography sx={{ fontWeight: 700 }} noWrap>
          {user.name}
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {user.organization.pathLabel || user.organization.name}
        </Typography>
      </Box>
    </ButtonBase>
  );
}

/** The side menu's group that lists the 轉登 systems after its own items. */
const APPS_GROUP = 'apps';

function MenuSection({
  group,
  currentId,
  roles,
  onNavigate,
  extra,
}: {
  group: MenuGroup;
  currentId: RouteId | undefined;
  roles: readonly AccessRole[];
  onNavigate: () => void;
  /** Entries after the group's routes (應用程式列表's 轉登 systems). */
  extra?: ReactNode;
}) {
  const containsCurrent = currentId !== undefined && group.items.some((id) => routeTrail(currentId).includes(id));
  const [open, setOpen] = useState(containsCurrent);
  const listId = `menu-${group.id}`;
  return (
    <>
      <ListItemButton onClick={() => setOpen((value) => !value)} aria-expanded={open} aria-controls={listId}>
        <ListItemIcon>{ICONS[group.id]}</ListItemIcon>
        <ListItemText primary={group.title} slotProps={{ primary: { sx: { fontWeight: containsCurrent ? 700 : 500 } } }} />
        {open ? <ExpandLess aria-hidden /> : <ExpandMore aria-hidden />}
      </ListItemButton>
      <Collapse in={open} timeout="auto" unmountOnExit>
        <List id={listId} disablePadding dense>
          {group.items.map((id) => (
            <Fragment key={id}>
              <MenuLink id={id} nested currentId={currentId} onNavigate={onNavigate} />
              {subMenuOf(id)
                .filter((child) => canAccess(child, roles))
                .map((child) => (
                  <MenuLink key={child.id} id={child.id} nested={2} currentId={currentId} onNavigate={onNavigate} />
                ))}
            </Fragment>
          ))}
          {extra}
        </List>
      </Collapse>
    </>
  );
}

/** A 轉登 system in 應用程式列表: opens the 轉登 page in a new window, like the menu's other outside links. */
function RedirectAppLink({ app, onNavigate }: { app: RedirectApp; onNavigate: () => void }) {
  return (
    <ListItemButton component="a" href={app.launchUrl} target="_blank" rel="noopener" onClick={onNavigate} sx={{ pl: 7.5 }}>
      <ListItemIcon sx={{ minWidth: 36 }}>
        <AppAvatar app={app} size={24} />
      </ListItemIcon>
      <ListItemText primary={appLabel(app)} />
      <OpenInNew fontSize="small" aria-hidden sx={{ color: 'text.secondary', ml: 1 }} />
      <Box component="span" sx={visuallyHidden}>
        （另開新視窗）
      </Box>
    </ListItemButton>
  );
}

interface MenuLinkProps {
  id: RouteId;
  icon?: ReactNode;
  /** Indentation: inside a group (true or 1), or a sub-function of a group's item (2). */
  nested?: boolean | 1 | 2;
  currentId: RouteId | undefined;
  onNavigate: () => void;
}

function MenuLink({ id, icon, nested = false, currentId, onNavigate }: MenuLinkProps) {
  const route = ROUTES[id];
  const target = menuTarget(route, config.links);
  const selected = id === currentId;
  const sx = { pl: nested === 2 ? 10 : nested ? 7.5 : 2 };
  const text = <ListItemText primary={route.title} slotProps={{ primary: { sx: { fontWeight: selected ? 700 : undefined } } }} />;

  if (target.external) {
    return (
      <ListItemButton component="a" href={target.href} target="_blank" rel="noopener noreferrer" onClick={onNavigate} sx={sx}>
        {icon && <ListItemIcon>{icon}</ListItemIcon>}
        {text}
        <OpenInNew fontSize="small" aria-hidden sx={{ color: 'text.secondary', ml: 1 }} />
        <Box component="span" sx={visuallyHidden}>
          （另開新視窗）
        </Box>
      </ListItemButton>
    );
  }
  return (
    <ListItemButton
      component={Link}
      to={target.href}
      selected={selected}
      aria-current={selected ? 'page' : undefined}
      onClick={onNavigate}
      sx={sx}
    >
      {icon && <ListItemIcon>{icon}</ListItemIcon>}
      {text}
    </ListItemButton>
  );
}
