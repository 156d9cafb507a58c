import Refresh from '@mui/icons-material/Refresh';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Ref } from 'react';
import { captchaImageSrc } from './captcha';
import type { CaptchaState } from './useCaptcha';

export interface CaptchaFieldProps {
  state: CaptchaState;
  answer: string;
  onAnswerChange: (value: string) => void;
  error?: string;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** 圖形驗證碼: the image, 「換一張」 and the answer field. */
export function CaptchaField({ state, answer, onAnswerChange, error, disabled, inputRef }: CaptchaFieldProps) {
  const { captcha, loading, refresh } = state;
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: { xs: 'stretch', sm: 'flex-start' } }}>
      <TextField
        label="圖形驗證碼"
        name="captchaAnswer"
        value={answer}
        onChange={(event) => onAnswerChange(event.target.value)}
        required
        disabled={disabled}
        inputRef={inputRef}
        error={Boolean(error || state.error)}
        helperText={error || state.error || '請輸入圖片中的文字'}
        autoComplete="off"
        slotProps={{ htmlInput: { autoCapitalize: 'none', spellCheck: false, maxLength: 16 } }}
        sx={{ flex: 1 }}
      />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexShrink: 0 }}>
        <Box
          sx={{
            width: 150,
            height: 56,
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            bgcolor: '#ffffff',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            overflow: 'hidden',
          }}
        >
          {loading ? (
            <CircularProgress size={22} aria-label="圖形驗證碼載入中" />
          ) : captcha ? (
            <img
              src={captchaImageSrc(captcha.svg)}
              alt="圖形驗證碼"
              width={150}
              height={56}
              style={{ display: 'block' }}
              data-captcha-id={captcha.id}
            />
          ) : (
            <Typography variant="caption" sx={{ color: 'text.secondary', px: 1 }}>
              無法取得
            </Typography>
          )}
        </Box>
        <Button
          variant="text"
          startIcon={<Refresh />}
          onClick={refresh}
          disabled={disabled || loading}
          aria-label="換一張圖形驗證碼"
        >
          換一張
        </Button>
      </Stack>
    </Stack>
  );
}
