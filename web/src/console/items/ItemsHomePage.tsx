import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { PageHeading } from '../../common/PageHeading';
import { accessRolesOf, canAccess, ROUTES, subMenuOf } from '../../routes/paths';

/** 物品管理: the sub-functions this user may open (a custodian only those of the kinds held). */
export function ItemsHomePage() {
  const { state } = useSession();
  const roles = state.status === 'authenticated' ? accessRolesOf(state.user) : [];
  const functions = subMenuOf('consoleItems').filter((route) => canAccess(route, roles));
  return (
    <>
      <PageHeading title={ROUTES.consoleItems.title} />
      <Grid container spacing={2}>
        {functions.map((route) => (
          <Grid key={route.id} size={{ xs: 12, sm: 6, md: 4 }}>
            <Card variant="outlined">
              <CardActionArea component={Link} to={route.path}>
                <CardContent>
                  <Typography variant="h6" component="h2">
                    {route.title}
                  </Typography>
                </CardContent>
              </CardActionArea>
            </Card>
          </Grid>
        ))}
      </Grid>
    </>
  );
}
