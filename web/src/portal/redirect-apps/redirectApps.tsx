// 應用程式儀表板 (內容主頁) and the dynamic part of 應用程式列表 (side menu): the 轉登 systems of the
// user's agency, each opening the portal's 轉登 page (GET /api/integrations/v1/redirect-login/:id).
import Avatar from '@mui/material/Avatar';
import { useResource } from '../../lib/data';

export interface RedirectApp {
  id: string;
  name: string;
  shortName: string | null;
  /** The 轉登 page: it issues a one-time assertion and posts it to the system. */
  launchUrl: string;
}

export const REDIRECT_APPS_PATH = '/api/portal/redirect-apps';

export function useRedirectApps() {
  return useResource<{ items: RedirectApp[] }>(REDIRECT_APPS_PATH);
}

/** What a tile or menu entry calls the system: its 簡稱 when it has one. */
export const appLabel = (app: RedirectApp) => app.shortName || app.name;

// Background colours with white text at 4.5:1 or better.
const AVATAR_COLOURS = ['#1565c0', '#2e7d32', '#6a1b9a', '#ad1457', '#00695c', '#4e342e', '#283593', '#bf360c'];

function colourOf(id: string) {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return AVATAR_COLOURS[hash % AVATAR_COLOURS.length]!;
}

/** A generated icon: the first character of the 簡稱 (or name) on a colour derived from the system. */
export function AppAvatar({ app, size = 56 }: { app: RedirectApp; size?: number }) {
  return (
    <Avatar
      aria-hidden
      variant="rounded"
      sx={{ width: size, height: size, bgcolor: colourOf(app.id), color: '#fff', fontSize: size * 0.45, fontWeight: 700 }}
    >
      {Array.from(appLabel(app))[0] ?? '?'}
    </Avatar>
  );
}
