import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import Toolbar from '@mui/material/Toolbar';
import { Outlet } from 'react-router';
import { LANDING_PATH } from '../routes/paths';
import { PortalFooter } from './PortalFooter';
import { PortalTitle } from './PortalTitle';
import { SkipLink } from './SkipLink';

/** The frame of the pages used without logging in (landing page, login, applications). */
export function PublicLayout() {
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <SkipLink />
      <AppBar position="static" color="primary" component="header">
        <Toolbar sx={{ minHeight: { xs: 60, sm: 72 } }}>
          <PortalTitle to={LANDING_PATH} />
        </Toolbar>
      </AppBar>
      <Container component="main" id="main" tabIndex={-1} maxWidth="lg" sx={{ flex: 1, py: { xs: 3, sm: 5 }, outline: 'none' }}>
        <Outlet />
      </Container>
      <PortalFooter />
    </Box>
  );
}
