import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { config } from '../config';
import { currentYear } from '../lib/datetime';

export function PortalFooter() {
  const mailto = `mailto:${config.adminContactEmail}?subject=${encodeURIComponent('臺南市政府公務入口網 使用問題')}`;
  return (
    <Box
      component="footer"
      sx={{
        mt: 'auto',
        px: 2,
        py: 2.5,
        borderTop: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        textAlign: 'center',
        color: 'text.secondary',
      }}
    >
      <Typography variant="body2">{currentYear()} 臺南市政府 © 版權所有</Typography>
      <Typography variant="body2">臺南市政府公務入口網是由臺南市政府智慧發展中心開發及維護</Typography>
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        <Link href={mailto} underline="always">
          聯絡系統管理員
        </Link>
      </Typography>
    </Box>
  );
}
