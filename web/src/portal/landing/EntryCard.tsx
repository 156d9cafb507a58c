import OpenInNew from '@mui/icons-material/OpenInNew';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { visuallyHidden } from '../../common/visuallyHidden';

export type EntryAction =
  | { kind: 'link'; to: string; label: string }
  | { kind: 'external'; href: string; label: string }
  | { kind: 'custom'; node: ReactNode };

interface EntryCardProps {
  icon: ReactNode;
  title: string;
  description: string;
  action: EntryAction;
  /** The main entry (個人帳號登入) gets the filled button. */
  emphasis?: boolean;
}

/** One entry of the landing page: icon, title, one sentence from the manual, one action. */
export function EntryCard({ icon, title, description, action, emphasis = false }: EntryCardProps) {
  const headingId = useId();
  const variant = emphasis ? 'contained' : 'outlined';
  return (
    <Box component="li" sx={{ display: 'flex' }}>
      <Paper
        component="section"
        aria-labelledby={headingId}
        sx={{
          flex: 1,
          p: { xs: 2.5, sm: 3 },
          display: 'flex',
          flexDirection: 'column',
          gap: 1.5,
          borderTop: 4,
          borderTopColor: emphasis ? 'primary.main' : 'secondary.main',
        }}
      >
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
          <Box
            aria-hidden
            sx={{ color: emphasis ? 'primary.main' : 'secondary.main', display: 'flex', '& svg': { fontSize: 36 } }}
          >
            {icon}
          </Box>
          <Typography variant="h2" id={headingId} sx={{ fontSize: { xs: '1.15rem', sm: '1.25rem' } }}>
            {title}
          </Typography>
        </Box>
        <Typography sx={{ color: 'text.secondary', flex: 1 }}>{description}</Typography>
        <Box>
          {action.kind === 'link' && (
            <Button variant={variant} size="large" component={Link} to={action.to} fullWidth>
              {action.label}
            </Button>
          )}
          {action.kind === 'external' && (
            <Button
              variant={variant}
              size="large"
              href={action.href}
              target="_blank"
              rel="noopener noreferrer"
              endIcon={<OpenInNew aria-hidden />}
              fullWidth
            >
              {action.label}
              <Box component="span" sx={visuallyHidden}>
                （另開新視窗）
              </Box>
            </Button>
          )}
          {action.kind === 'custom' && action.node}
        </Box>
      </Paper>
    </Box>
  );
}
