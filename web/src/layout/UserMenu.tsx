import ArrowDropDown from '@mui/icons-material/ArrowDropDown';
import DarkModeOutlined from '@mui/icons-material/DarkModeOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import LightModeOutlined from '@mui/icons-material/LightModeOutlined';
import LoginOutlined from '@mui/icons-material/LoginOutlined';
import LogoutOutlined from '@mui/icons-material/LogoutOutlined';
import ManageAccountsOutlined from '@mui/icons-material/ManageAccountsOutlined';
import TuneOutlined from '@mui/icons-material/TuneOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/session';
import type { SessionUser } from '../lib/api/types';
import { NAME_MENU } from '../routes/menu';
import { ROUTES, type RouteId } from '../routes/paths';
import { COLOR_MODE_LABELS, useColorMode } from '../theme/useColorMode';
import { passwordReminder } from './passwordReminder';

const ICONS: Partial<Record<RouteId, ReactNode>> = {
  personalization: <TuneOutlined fontSize="small" />,
  account: <ManageAccountsOutlined fontSize="small" />,
  loginRecords: <LoginOutlined fontSize="small" />,
  usageRecords: <HistoryOutlined fontSize="small" />,
};

/** The user's name at the top right, the password reminder under it, and the name menu. */
export function UserMenu({ user }: { user: SessionUser }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const { mode, toggle } = useColorMode();
  const { logout } = useSession();
  const reminder = passwordReminder(user.passwordExpiresInDays);
  const close = () => setAnchor(null);

  // logout() ends with a full page load of the landing page (no state of this user survives it);
  // a router navigation here as well would race that load.
  const handleLogout = () => {
    close();
    void logout();
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-end', minWidth: 0 }}>
      <Button
        color="inherit"
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        endIcon={<ArrowDropDown />}
        sx={{ fontSize: { xs: '0.95rem', sm: '1.05rem' }, py: 0.25, px: 1, maxWidth: '100%' }}
      >
        <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {user.name}
        </Box>
      </Button>
      {reminder && (
        <Typography
          variant="caption"
          sx={{
            px: 1,
            lineHeight: 1.3,
            opacity: 0.95,
            textAlign: 'right',
            display: 'block',
            whiteSpace: 'nowrap',
            fontSize: { xs: '0.7rem', sm: '0.75rem' },
          }}
          data-testid="password-reminder"
        >
          {reminder}
        </Typography>
      )}
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { minWidth: 240 } } }}
      >
        <MenuItem
          onClick={() => {
            toggle();
            close();
          }}
        >
          <ListItemIcon>
            {mode === 'dark' ? <LightModeOutlined fontSize="small" /> : <DarkModeOutlined fontSize="small" />}
          </ListItemIcon>
          <ListItemText primary="切換色系" secondary={`目前為${COLOR_MODE_LABELS[mode]}`} />
        </MenuItem>
        {NAME_MENU.map((id) => (
          <MenuItem key={id} component={Link} to={ROUTES[id].path} onClick={close}>
            <ListItemIcon>{ICONS[id]}</ListItemIcon>
            <ListItemText primary={ROUTES[id].title} />
          </MenuItem>
        ))}
        <Divider />
        <MenuItem onClick={handleLogout}>
          <ListItemIcon>
            <LogoutOutlined fontSize="small" />
          </ListItemIcon>
          <ListItemText primary="登出" />
        </MenuItem>
      </Menu>
    </Box>
  );
}
