import NavigateNext from '@mui/icons-material/NavigateNext';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Typography from '@mui/material/Typography';
import { RouterLink } from '../common/RouterLink';
import { breadcrumbTrail } from '../routes/menu';
import type { RouteId } from '../routes/paths';

/** 首頁 / 管理主控台功能 / AD 同步管理作業 */
export function PortalBreadcrumbs({ routeId }: { routeId: RouteId }) {
  const trail = breadcrumbTrail(routeId);
  return (
    <Breadcrumbs aria-label="導覽路徑" separator={<NavigateNext fontSize="small" />} sx={{ mb: 1.5, fontSize: '0.9rem' }}>
      {trail.map((crumb, index) => {
        const isLast = index === trail.length - 1;
        if (crumb.path && !isLast) {
          return (
            <RouterLink key={crumb.title} to={crumb.path} underline="hover" color="inherit">
              {crumb.title}
            </RouterLink>
          );
        }
        return (
          <Typography
            key={crumb.title}
            component="span"
            sx={{ fontSize: 'inherit', color: isLast ? 'text.primary' : 'text.secondary' }}
            aria-current={isLast ? 'page' : undefined}
          >
            {crumb.title}
          </Typography>
        );
      })}
    </Breadcrumbs>
  );
}
