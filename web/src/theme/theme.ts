// The portal's MUI theme: a calm government blue with a teal accent, light and dark colour schemes
// (CSS variables, so switching needs no re-render of every component), Traditional Chinese fonts.
import { zhTW } from '@mui/material/locale';
import { createTheme } from '@mui/material/styles';

export const FONT_FAMILY = [
  '"Noto Sans TC"',
  '"Noto Sans CJK TC"',
  '"Microsoft JhengHei"',
  '"PingFang TC"',
  '"Heiti TC"',
  'system-ui',
  'sans-serif',
].join(',');

/** The keyboard focus ring: amber, visible on the blue header, on paper and in both colour schemes. */
const FOCUS_RING = { outline: '3px solid #f5a623', outlineOffset: 2 } as const;

/** localStorage key of the chosen colour scheme (切換色系). */
export const COLOR_MODE_STORAGE_KEY = 'tainan-portal-color-mode';

export const theme = createTheme(
  {
    cssVariables: { colorSchemeSelector: 'data-color-scheme' },
    colorSchemes: {
      light: {
        palette: {
          primary: { main: '#0b5c8e', dark: '#073f63', light: '#3d7fab', contrastText: '#ffffff' },
          secondary: { main: '#00796b', dark: '#004d40', light: '#4da399', contrastText: '#ffffff' },
          background: { default: '#f3f6f9', paper: '#ffffff' },
          success: { main: '#2e7d32' },
          error: { main: '#c62828' },
        },
      },
      dark: {
        palette: {
          primary: { main: '#7cc0ec', dark: '#4e9cd0', light: '#a9d6f4', contrastText: '#08243a' },
          secondary: { main: '#6fcfbf', dark: '#3fa797', light: '#9fe2d6', contrastText: '#062a25' },
          background: { default: '#0e1720', paper: '#15212c' },
          success: { main: '#66bb6a' },
          error: { main: '#ef6c6c' },
        },
      },
    },
    typography: {
      fontFamily: FONT_FAMILY,
      h1: { fontSize: '1.75rem', fontWeight: 700 },
      h2: { fontSize: '1.375rem', fontWeight: 700 },
      h3: { fontSize: '1.125rem', fontWeight: 700 },
      button: { textTransform: 'none', fontWeight: 600 },
    },
    shape: { borderRadius: 8 },
    components: {
      MuiCssBaseline: {
        styleOverrides: {
          // A visible focus ring for keyboard users everywhere, not only on MUI's own controls.
          ':focus-visible': FOCUS_RING,
          body: { overflowWrap: 'anywhere' },
        },
      },
      // MUI removes the native outline from its buttons; put a clear ring back for keyboard focus.
      MuiButtonBase: { styleOverrides: { root: { '&.Mui-focusVisible': FOCUS_RING } } },
      MuiListItemButton: { styleOverrides: { root: { '&.Mui-focusVisible': { ...FOCUS_RING, outlineOffset: -3 } } } },
      MuiMenuItem: { styleOverrides: { root: { '&.Mui-focusVisible': { ...FOCUS_RING, outlineOffset: -3 } } } },
      MuiAppBar: {
        defaultProps: { elevation: 0 },
        styleOverrides: {
          // In the dark scheme MUI paints app bars like paper; keep the portal's blue identity, only deeper.
          root: ({ theme }) =>
            theme.applyStyles('dark', { backgroundColor: '#0c2f4a', backgroundImage: 'none', color: '#ffffff' }),
        },
      },
      MuiPaper: { defaultProps: { variant: 'outlined' } },
      MuiTextField: { defaultProps: { fullWidth: true } },
    },
  },
  zhTW,
);

export type PortalTheme = typeof theme;
