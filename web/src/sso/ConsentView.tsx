import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { errorMessage } from '../lib/api';
import { ssoApi } from './api';
import type { InteractionDetails } from './types';

/** 授權: the person agrees that the system may use the listed data of their account (manual 表 1, 單一登入機制). */
export function ConsentView({ details }: { details: InteractionDetails }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const decide = async (agree: boolean) => {
    setPending(true);
    setError(null);
    try {
      const { redirectTo } = agree ? await ssoApi.consent(details.uid) : await ssoApi.abort(details.uid);
      window.location.assign(redirectTo);
    } catch (cause) {
      setError(errorMessage(cause));
      setPending(false);
    }
  };

  return (
    <Box sx={{ maxWidth: 520, mx: 'auto' }}>
      <Paper sx={{ p: { xs: 2.5, sm: 4 } }}>
        <Typography variant="h1" sx={{ fontSize: '1.5rem', mb: 1 }}>
          授權
        </Typography>
        <Typography>
          「{details.client.name}」要求使用您{details.user ? `（${details.user.name}，${details.user.account}）` : ''}
          的公務帳號登入，並取得下列資料：
        </Typography>
        <List dense aria-label="要求的資料">
          {(details.scopes ?? []).map((item) => (
            <ListItem key={item.scope}>
              <ListItemText primary={item.label} />
            </ListItem>
          ))}
        </List>
        {error && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        <Stack direction="row" spacing={2} sx={{ justifyContent: 'flex-end' }}>
          <Button variant="outlined" disabled={pending} onClick={() => void decide(false)}>
            不同意
          </Button>
          <Button variant="contained" disabled={pending} loading={pending} onClick={() => void decide(true)}>
            授權
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
