import { useColorScheme } from '@mui/material/styles';
import { useCallback } from 'react';

export type ColorMode = 'light' | 'dark';

/** The colour scheme in effect (the stored choice, else the system preference) and the 切換色系 toggle. */
export function useColorMode(): { mode: ColorMode; toggle: () => void } {
  const { mode, systemMode, setMode } = useColorScheme();
  const resolved: ColorMode = (mode === 'system' || !mode ? systemMode : mode) === 'dark' ? 'dark' : 'light';
  const toggle = useCallback(() => setMode(resolved === 'dark' ? 'light' : 'dark'), [resolved, setMode]);
  return { mode: resolved, toggle };
}

export const COLOR_MODE_LABELS: Record<ColorMode, string> = { light: '亮色系', dark: '暗色系' };
