import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';

/**
 * Up to `max` values of one field, one input each: + adds an input, x takes one off (正式IP, 單一登入's
 * 驗證處理常式含參數名稱). The first input is always there.
 */
export function MultiTextField({
  label,
  values,
  onChange,
  max,
  required = false,
  error,
  helperText,
  placeholder,
}: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  max: number;
  required?: boolean;
  error?: string;
  helperText?: string;
  placeholder?: string;
}) {
  const shown = values.length ? values : [''];
  const set = (i: number, value: string) => onChange(shown.map((v, j) => (j === i ? value : v)));
  return (
    <FormControl component="fieldset" required={required} error={Boolean(error)}>
      <FormLabel component="legend" sx={{ mb: 1 }}>
        {label}
      </FormLabel>
      <Stack spacing={1}>
        {shown.map((value, i) => (
          <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <TextField
              size="small"
              fullWidth
              value={value}
              placeholder={placeholder}
              error={Boolean(error)}
              onChange={(e) => set(i, e.target.value)}
              slotProps={{ htmlInput: { 'aria-label': `${label} ${i + 1}` } }}
            />
            {shown.length > 1 && (
              <IconButton aria-label={`移除${label} ${i + 1}`} onClick={() => onChange(shown.filter((_, j) => j !== i))}>
                <CloseIcon fontSize="small" />
              </IconButton>
            )}
            {i === shown.length - 1 && shown.length < max && (
              <IconButton aria-label={`新增${label}`} color="primary" onClick={() => onChange([...shown, ''])}>
                <AddIcon />
              </IconButton>
            )}
          </Stack>
        ))}
      </Stack>
      {(error || helperText) && <FormHelperText>{error || helperText}</FormHelperText>}
    </FormControl>
  );
}
