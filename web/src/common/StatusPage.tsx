import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from './usePageTitle';

export interface StatusPageProps {
  title: string;
  heading: string;
  description: ReactNode;
  icon: ReactNode;
  /** Where 「回首頁」 goes: the landing page when logged out, 內容主頁 when logged in. */
  home: { path: string; label: string };
}

/** A full-width notice (尚未開放, 403, 404) with 「回上一頁」 and a link home. */
export function StatusPage({ title, heading, description, icon, home }: StatusPageProps) {
  usePageTitle(title);
  const navigate = useNavigate();
  // react-router keeps the position in the session history in history.state.idx: 0 = first page of this visit.
  const canGoBack = ((window.history.state as { idx?: number } | null)?.idx ?? 0) > 0;

  return (
    <Paper component="section" aria-labelledby="status-heading" sx={{ p: { xs: 3, sm: 5 }, textAlign: 'center' }}>
      <Box sx={{ color: 'primary.main', '& svg': { fontSize: 56 } }} aria-hidden>
        {icon}
      </Box>
      <Typography variant="h1" component="h1" id="status-heading" sx={{ mt: 1, mb: 1.5 }}>
        {heading}
      </Typography>
      <Typography component="div" sx={{ color: 'text.secondary', maxWidth: 560, mx: 'auto' }}>
        {description}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ justifyContent: 'center', mt: 3 }}>
        {canGoBack && (
          <Button variant="outlined" onClick={() => void navigate(-1)}>
            回上一頁
          </Button>
        )}
        <Button variant="contained" component={Link} to={home.path}>
          {home.label}
        </Button>
      </Stack>
    </Paper>
  );
}
