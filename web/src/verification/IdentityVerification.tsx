import ChevronRight from '@mui/icons-material/ChevronRight';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ButtonBase from '@mui/material/ButtonBase';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { VerificationMethod, VerificationMethodId, VerificationMethodProps } from './methods';

interface IdentityVerificationProps extends VerificationMethodProps {
  methods: readonly VerificationMethod[];
}

/**
 * 選擇驗證方式, then the chosen method's own component. A method whose component is not there yet is
 * listed but disabled with 「即將開放」; adding a method is adding one component to the list.
 */
export function IdentityVerification({ methods, ...methodProps }: IdentityVerificationProps) {
  const [chosen, setChosen] = useState<VerificationMethodId | null>(null);
  const method = methods.find((item) => item.id === chosen && item.Component);

  if (method?.Component) {
    const offered = methods.filter((item) => item.Component).length;
    return (
      <Stack spacing={2}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography variant="h3" component="h3">
            {method.label}
          </Typography>
          {methods.length > 1 && (
            <Button
              size="small"
              onClick={() => {
                setChosen(null);
                methodProps.onStepChange?.('start');
              }}
            >
              {offered > 1 ? '選擇其他驗證方式' : '回選擇驗證方式'}
            </Button>
          )}
        </Stack>
        <method.Component {...methodProps} />
      </Stack>
    );
  }

  return (
    <Box component="ul" aria-label="選擇驗證方式" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1.5 }}>
      {methods.map((item) => {
        const available = item.Component !== null;
        return (
          <li key={item.id}>
            <ButtonBase
              onClick={() => setChosen(item.id)}
              disabled={!available}
              aria-describedby={`verification-method-${item.id}-description`}
              sx={{
                width: '100%',
                display: 'flex',
                alignItems: 'center',
                gap: 2,
                p: 2,
                border: 1,
                borderColor: 'divider',
                borderRadius: 2,
                textAlign: 'left',
                justifyContent: 'flex-start',
                bgcolor: available ? 'background.paper' : 'action.hover',
                '&:hover': available ? { borderColor: 'primary.main', bgcolor: 'action.hover' } : undefined,
              }}
            >
              <Box sx={{ flex: 1, minWidth: 0, opacity: available ? 1 : 0.7 }}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Typography sx={{ fontWeight: 700 }}>{item.label}</Typography>
                  {!available && <Chip size="small" label="即將開放" />}
                </Stack>
                <Typography
                  variant="body2"
                  id={`verification-method-${item.id}-description`}
                  sx={{ color: 'text.secondary', mt: 0.5 }}
                >
                  {item.description}
                </Typography>
              </Box>
              {available && <ChevronRight aria-hidden sx={{ color: 'text.secondary' }} />}
            </ButtonBase>
          </li>
        );
      })}
    </Box>
  );
}
