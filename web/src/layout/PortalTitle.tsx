import AccountBalanceOutlined from '@mui/icons-material/AccountBalanceOutlined';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link } from 'react-router';

/** 「臺南市政府 公務入口網」, linking to the start page (landing when logged out, 內容主頁 when logged in). */
export function PortalTitle({ to, hideIconOnPhones = false }: { to: string; hideIconOnPhones?: boolean }) {
  return (
    <Box
      component={Link}
      to={to}
      aria-label="臺南市政府 公務入口網（回首頁）"
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 1.25,
        color: 'inherit',
        textDecoration: 'none',
        minWidth: 0,
        borderRadius: 1,
      }}
    >
      <AccountBalanceOutlined
        aria-hidden
        sx={{ fontSize: { xs: 28, sm: 34 }, display: { xs: hideIconOnPhones ? 'none' : 'block', sm: 'block' } }}
      />
      <Box
        sx={{
          display: 'flex',
          flexDirection: { xs: 'column', sm: 'row' },
          alignItems: { sm: 'baseline' },
          columnGap: 1,
          minWidth: 0,
          whiteSpace: 'nowrap',
        }}
      >
        <Typography
          component="span"
          sx={{ fontSize: { xs: '0.8rem', sm: '1.05rem' }, fontWeight: 600, lineHeight: 1.2, opacity: 0.92 }}
        >
          臺南市政府
        </Typography>
        <Typography
          component="span"
          sx={{ fontSize: { xs: '1.15rem', sm: '1.45rem' }, fontWeight: 700, lineHeight: 1.2, letterSpacing: '0.06em' }}
        >
          公務入口網
        </Typography>
      </Box>
    </Box>
  );
}
