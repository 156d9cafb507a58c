import CancelOutlined from '@mui/icons-material/CancelOutlined';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import RadioButtonUncheckedOutlined from '@mui/icons-material/RadioButtonUncheckedOutlined';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { visuallyHidden } from '../../common/visuallyHidden';
import type { ChecklistItem, RuleState } from './passwordChecklist';

const STATE_TEXT: Record<RuleState, string> = { pass: '符合', fail: '不符合', unchecked: '尚未檢查' };

function StateIcon({ state }: { state: RuleState }) {
  if (state === 'pass') return <CheckCircleOutlined fontSize="small" sx={{ color: 'success.main' }} aria-hidden />;
  if (state === 'fail') return <CancelOutlined fontSize="small" sx={{ color: 'error.main' }} aria-hidden />;
  return <RadioButtonUncheckedOutlined fontSize="small" sx={{ color: 'text.disabled' }} aria-hidden />;
}

const colour = (state: RuleState) => (state === 'pass' ? 'success.main' : state === 'fail' ? 'error.main' : 'text.secondary');

/** 密碼規則: the manual's rules, each ticked green (符合) or red (不符合) as the password is typed. */
export function PasswordRules({ items, id }: { items: readonly ChecklistItem[]; id?: string }) {
  return (
    <Box id={id} sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 2, bgcolor: 'action.hover' }}>
      <Typography sx={{ fontWeight: 700, mb: 1 }}>密碼規則：</Typography>
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1 }}>
        {items.map((item) => (
          <Box component="li" key={item.id} data-rule={item.id} data-state={item.state}>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
              <Box sx={{ pt: '2px' }}>
                <StateIcon state={item.state} />
              </Box>
              <Typography variant="body2" sx={{ color: colour(item.state), fontWeight: item.state === 'fail' ? 600 : undefined }}>
                {item.text}
                <Box component="span" sx={visuallyHidden}>
                  （{STATE_TEXT[item.state]}）
                </Box>
                {item.note && (
                  <Box component="span" sx={{ color: 'text.secondary', ml: 1, fontSize: '0.8em' }}>
                    （{item.note}）
                  </Box>
                )}
              </Typography>
            </Box>
            {item.parts && (
              <Box
                component="ul"
                sx={{ listStyle: 'none', m: 0, mt: 0.5, pl: 3.5, display: 'flex', flexWrap: 'wrap', gap: 0.75 }}
              >
                {item.parts.map((part) => (
                  <Box
                    component="li"
                    key={part.code}
                    data-state={part.state}
                    sx={{
                      display: 'inline-flex',
                      alignItems: 'center',
                      gap: 0.5,
                      px: 1,
                      py: 0.25,
                      borderRadius: 4,
                      border: 1,
                      borderColor: part.state === 'unchecked' ? 'divider' : colour(part.state),
                      color: colour(part.state),
                      typography: 'caption',
                      bgcolor: 'background.paper',
                    }}
                  >
                    <StateIcon state={part.state} />
                    {part.label}
                    <Box component="span" sx={visuallyHidden}>
                      （{STATE_TEXT[part.state]}）
                    </Box>
                  </Box>
                ))}
              </Box>
            )}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
