import ArrowDropDown from '@mui/icons-material/ArrowDropDown';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { ROUTES, type RouteId } from '../../routes/paths';

const ITEMS: readonly RouteId[] = ['accountApplication', 'accountApplicationEdit', 'accountReactivation'];

/** 個人帳號申請/修改/復用 › 個人帳號申請, 修改個人帳號申請內容, 個人帳號復用 */
export function AccountApplicationMenu() {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const close = () => setAnchor(null);
  return (
    <>
      <Button
        variant="outlined"
        size="large"
        fullWidth
        endIcon={<ArrowDropDown />}
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
      >
        個人帳號申請/修改/復用
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        slotProps={{ paper: { sx: { minWidth: anchor?.offsetWidth } } }}
      >
        {ITEMS.map((id) => (
          <MenuItem key={id} component={Link} to={ROUTES[id].path} onClick={close}>
            {ROUTES[id].title}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
