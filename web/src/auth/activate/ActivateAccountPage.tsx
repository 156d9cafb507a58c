import TaskAltOutlined from '@mui/icons-material/TaskAltOutlined';
import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { activationSchema } from '../../../../domain/schemas/account-application';
import { PASSWORD_REUSED_MESSAGE } from '../../../../domain/password-policy';
import { PublicPanel } from '../../apply/PublicPanel';
import { RouterLink } from '../../common/RouterLink';
import { ApiError, errorMessage } from '../../lib/api';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { ROUTES } from '../../routes/routeTable';
import { IdentityVerification } from '../../verification/IdentityVerification';
import { emailMethod, mobileIdMethod } from '../../verification/methodList';
import type { VerificationMethod, VerifiedIdentity } from '../../verification/methods';
import { useCountdown } from '../../verification/useCountdown';
import { activateAccount } from './api';
import { PasswordRules } from './PasswordRules';
import { checklistPasses, passwordChecklist, violationCodesFromMessages, type ServerVerdict } from './passwordChecklist';

/** The wizard of the manual (§3.1.7, 圖 19). */
export const ACTIVATION_STEPS = ['身分驗證', '輸入新密碼', '變更完成'] as const;
/** 變更完成 goes back to the login page by itself after this long. */
export const REDIRECT_SECONDS = 5;

const METHODS: readonly VerificationMethod[] = [
  mobileIdMethod('使用行動自然人憑證', '輸入身分證字號後，以手機「行動自然人憑證」APP 接收推播或掃描 QRCode 完成驗證。'),
  emailMethod('輸入個人公務帳號註冊時綁定的備用信箱及圖形驗證碼，再輸入寄至信箱的驗證碼。'),
];

type Stage =
  | { step: 'verify'; expired?: boolean }
  | { step: 'password'; identity: VerifiedIdentity }
  | { step: 'done'; account: string; redirectAt: number };

/** 開通帳號: 身分驗證 → 輸入新密碼 → 變更完成, then back to 個人帳號登入. */
export default function ActivateAccountPage() {
  const [stage, setStage] = useState<Stage>({ step: 'verify' });
  const active = stage.step === 'verify' ? 0 : stage.step === 'password' ? 1 : 3;

  return (
    <PublicPanel
      title={ROUTES.activateAccount.title}
      maxWidth={760}
      footer={<RouterLink to={ROUTES.landing.path}>進入臺南市政府公務入口網</RouterLink>}
    >
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', mb: 2, gap: 2 }}>
        <Typography variant="overline" component="p" sx={{ color: 'text.secondary', letterSpacing: '0.12em', lineHeight: 1.6 }}>
          單一帳號認證平台
          {stage.step === 'password' && (
            <>・{stage.identity.method === 'email' ? '使用備用信箱' : '使用行動自然人憑證'}/重設密碼</>
          )}
        </Typography>
        <RouterLink to={ROUTES.login.path}>返回登入頁</RouterLink>
      </Stack>
      <Stepper activeStep={active} alternativeLabel sx={{ mb: 4 }}>
        {ACTIVATION_STEPS.map((label) => (
          <Step key={label}>
            <StepLabel>{label}</StepLabel>
          </Step>
        ))}
      </Stepper>

      {stage.step === 'verify' && (
        <Box sx={{ maxWidth: 620, mx: 'auto' }}>
          <Typography sx={{ color: 'text.secondary', mb: 2.5 }}>
            此功能提供「啟用個人公務帳號首次登入、復用個人公務帳號首次登入」之使用者設定登入密碼。請選擇身分驗證方式，驗證通過後即可設定密碼。
          </Typography>
          {stage.expired && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              身分驗證已逾時，請重新驗證。
            </Alert>
          )}
          <IdentityVerification
            methods={METHODS}
            purpose="ACTIVATE"
            submitLabel="繼續"
            onVerified={(identity) => setStage({ step: 'password', identity })}
          />
        </Box>
      )}

      {stage.step === 'password' && (
        <NewPasswordForm
          identity={stage.identity}
          onExpired={() => setStage({ step: 'verify', expired: true })}
          onDone={(account) => setStage({ step: 'done', account, redirectAt: Date.now() + REDIRECT_SECONDS * 1000 })}
        />
      )}

      {stage.step === 'done' && <Done account={stage.account} redirectAt={stage.redirectAt} />}
    </PublicPanel>
  );
}

function NewPasswordForm({
  identity,
  onExpired,
  onDone,
}: {
  identity: VerifiedIdentity;
  onExpired: () => void;
  onDone: (account: string) => void;
}) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [show, setShow] = useState(false);
  const [errors, setErrors] = useState<{ newPassword?: string; confirmPassword?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [server, setServer] = useState<ServerVerdict | null>(null);
  const { run, pending } = useSingleFlight();
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const rulesId = useId();
  const account = identity.account ?? '';
  const checklist = passwordChecklist(password, { server, account: account || undefined });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const parsed = activationSchema(account).safeParse({ newPassword: password, confirmPassword: confirm });
    if (!parsed.success) {
      const next: typeof errors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'newPassword' && !next.newPassword)
          next.newPassword = password === '' ? issue.message : '新密碼不符合密碼規則，請參考下方密碼規則';
        if (field === 'confirmPassword' && !next.confirmPassword) next.confirmPassword = issue.message;
      }
      setErrors(next);
      if (next.newPassword) passwordRef.current?.focus();
      else confirmRef.current?.focus();
      return;
    }
    setErrors({});
    await run(async () => {
      try {
        const result = await activateAccount(identity, parsed.data);
        onDone(result.account);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          onExpired();
          return;
        }
        if (error instanceof ApiError && (error.code === 'PASSWORD_POLICY' || error.code === 'PASSWORD_REUSED')) {
          const mapped = violationCodesFromMessages(error.fieldMessages.newPassword ?? []);
          setServer({ password, codes: mapped.codes, reused: error.code === 'PASSWORD_REUSED' });
          setErrors({
            newPassword:
              error.code === 'PASSWORD_REUSED'
                ? error.message || PASSWORD_REUSED_MESSAGE()
                : '新密碼不符合密碼規則，請參考下方密碼規則',
            ...(error.fields.confirmPassword ? { confirmPassword: error.fields.confirmPassword } : {}),
          });
          if (mapped.unknown.length > 0) setFormError(mapped.unknown.join('；'));
          passwordRef.current?.focus();
          return;
        }
        setFormError(errorMessage(error));
      }
    });
  };

  const toggle = (
    <InputAdornment position="end">
      <IconButton
        onClick={() => setShow((value) => !value)}
        edge="end"
        aria-label={show ? '隱藏密碼' : '顯示密碼'}
        aria-pressed={show}
      >
        {show ? <VisibilityOff /> : <Visibility />}
      </IconButton>
    </InputAdornment>
  );

  return (
    <Stack
      component="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      spacing={2.5}
      sx={{ maxWidth: 560, mx: 'auto' }}
      aria-label="輸入新密碼"
    >
      <Typography variant="h2">輸入新密碼</Typography>
      {identity.email && (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          已通過備用信箱 {identity.email} 驗證，請設定登入密碼。
        </Typography>
      )}
      {formError && (
        <Alert severity="error" role="alert">
          {formError}
        </Alert>
      )}
      <TextField
        label="新密碼"
        placeholder="請輸入新密碼"
        name="newPassword"
        type={show ? 'text' : 'password'}
        value={password}
        onChange={(event) => {
          setPassword(event.target.value);
          if (errors.newPassword) setErrors((current) => ({ ...current, newPassword: undefined }));
        }}
        required
        autoFocus
        autoComplete="new-password"
        inputRef={passwordRef}
        disabled={pending}
        error={Boolean(errors.newPassword)}
        helperText={errors.newPassword}
        slotProps={{ input: { endAdornment: toggle }, htmlInput: { 'aria-describedby': rulesId, maxLength: 64 } }}
      />
      <TextField
        label="再次輸入新密碼"
        placeholder="再次輸入新密碼"
        name="confirmPassword"
        type={show ? 'text' : 'password'}
        value={confirm}
        onChange={(event) => {
          setConfirm(event.target.value);
          if (errors.confirmPassword) setErrors((current) => ({ ...current, confirmPassword: undefined }));
        }}
        required
        autoComplete="new-password"
        inputRef={confirmRef}
        disabled={pending}
        error={Boolean(errors.confirmPassword)}
        helperText={errors.confirmPassword}
        slotProps={{ htmlInput: { maxLength: 64 } }}
      />
      <PasswordRules id={rulesId} items={checklist} />
      <Box>
        <Button
          type="submit"
          variant="contained"
          size="large"
          disabled={pending || (password !== '' && !checklistPasses(checklist))}
          loading={pending}
          sx={{ minWidth: 120 }}
        >
          繼續
        </Button>
      </Box>
    </Stack>
  );
}

function Done({ account, redirectAt }: { account: string; redirectAt: number }) {
  const navigate = useNavigate();
  const secondsLeft = useCountdown(redirectAt);

  useEffect(() => {
    const timer = setTimeout(() => void navigate(ROUTES.login.path, { replace: true }), Math.max(0, redirectAt - Date.now()));
    return () => clearTimeout(timer);
  }, [navigate, redirectAt]);

  return (
    <Stack spacing={2} sx={{ alignItems: 'center', textAlign: 'center', py: 2 }} role="status" aria-live="polite">
      <TaskAltOutlined sx={{ fontSize: 64, color: 'success.main' }} aria-hidden />
      <Typography variant="h2">變更完成</Typography>
      <Typography>
        {account ? (
          <>
            帳號 <strong>{account}</strong> 已開通，請使用新密碼登入。
          </>
        ) : (
          '帳號已開通，請使用新密碼登入。'
        )}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        系統將於 {secondsLeft} 秒後自動跳轉回登入頁；如未自動跳轉，請點擊「返回登入頁」。
      </Typography>
      <Button variant="contained" component={Link} to={ROUTES.login.path} replace>
        返回登入頁
      </Button>
    </Stack>
  );
}
