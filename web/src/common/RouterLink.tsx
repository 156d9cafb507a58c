import MuiLink, { type LinkProps as MuiLinkProps } from '@mui/material/Link';
import { Link, type LinkProps } from 'react-router';

/** An MUI-styled text link that navigates inside the SPA. */
export function RouterLink(props: Omit<MuiLinkProps, 'href'> & { to: LinkProps['to'] }) {
  return <MuiLink component={Link} {...props} />;
}
