import MenuIcon from '@mui/icons-material/Menu';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Toolbar from '@mui/material/Toolbar';
import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useState } from 'react';
import { Outlet } from 'react-router';
import type { SessionUser } from '../lib/api/types';
import { HOME_PATH } from '../routes/paths';
import { useCurrentRoute } from '../routes/useCurrentRoute';
import { PortalBreadcrumbs } from './PortalBreadcrumbs';
import { PortalFooter } from './PortalFooter';
import { PortalTitle } from './PortalTitle';
import { SideMenu } from './SideMenu';
import { SkipLink } from './SkipLink';
import { UserMenu } from './UserMenu';

export const DRAWER_WIDTH = 280;

/** The logged-in frame: header with the user's name, left menu (a drawer on small screens), breadcrumbs, footer. */
export function PortalLayout({ user }: { user: SessionUser }) {
  const [mobileOpen, setMobileOpen] = useState(false);
  const current = useCurrentRoute();
  const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('md'), { noSsr: true });
  const closeMobile = () => setMobileOpen(false);
  const menu = <SideMenu user={user} currentId={current?.id} onNavigate={closeMobile} />;

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <SkipLink />
      <AppBar
        position="fixed"
        component="header"
        sx={{ zIndex: (theme) => (wide ? theme.zIndex.drawer + 1 : theme.zIndex.appBar) }}
      >
        <Toolbar sx={{ minHeight: { xs: 64, sm: 72 }, gap: 1, px: { xs: 1, sm: 2 } }}>
          <IconButton
            color="inherit"
            edge="start"
            onClick={() => setMobileOpen(true)}
            aria-label="開啟主選單"
            sx={{ display: wide ? 'none' : 'inline-flex' }}
          >
            <MenuIcon />
          </IconButton>
          <PortalTitle to={HOME_PATH} hideIconOnPhones />
          <Box sx={{ flex: 1 }} />
          <UserMenu user={user} />
        </Toolbar>
      </AppBar>

      {wide ? (
        <Drawer
          variant="permanent"
          open
          sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
        >
          <Toolbar sx={{ minHeight: { xs: 64, sm: 72 } }} />
          {menu}
        </Drawer>
      ) : (
        <Drawer
          variant="temporary"
          open={mobileOpen}
          onClose={closeMobile}
          sx={{ '& .MuiDrawer-paper': { width: DRAWER_WIDTH, maxWidth: '85vw' } }}
        >
          {menu}
        </Drawer>
      )}

      <Box sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
        <Toolbar sx={{ minHeight: { xs: 64, sm: 72 } }} />
        <Box
          component="main"
          id="main"
          tabIndex={-1}
          sx={{ flex: 1, p: { xs: 2, sm: 3 }, outline: 'none', maxWidth: 1280, width: '100%' }}
        >
          {current && <PortalBreadcrumbs routeId={current.id} />}
          <Outlet />
        </Box>
        <PortalFooter />
      </Box>
    </Box>
  );
}
