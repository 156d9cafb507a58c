import AlternateEmailOutlined from '@mui/icons-material/AlternateEmailOutlined';
import LoginOutlined from '@mui/icons-material/LoginOutlined';
import PersonAddAltOutlined from '@mui/icons-material/PersonAddAltOutlined';
import SupportAgentOutlined from '@mui/icons-material/SupportAgentOutlined';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { usePageTitle } from '../../common/usePageTitle';
import { config, PORTAL_NAME } from '../../config';
import { ROUTES } from '../../routes/paths';
import { AccountApplicationMenu } from './AccountApplicationMenu';
import { EntryCard } from './EntryCard';

/** 臺南市政府公務入口網（未登入）: the four entries of manual 第二章第二節. */
export default function LandingPage() {
  usePageTitle(PORTAL_NAME);
  return (
    <>
      <Box component="section" aria-labelledby="landing-heading" sx={{ textAlign: 'center', mb: { xs: 3, sm: 5 } }}>
        <Typography variant="h1" id="landing-heading" sx={{ fontSize: { xs: '1.6rem', sm: '2.1rem' }, letterSpacing: '0.04em' }}>
          {PORTAL_NAME}
        </Typography>
        <Typography sx={{ mt: 1.5, color: 'text.secondary' }}>
          請選擇登入方式；尚未擁有個人公務帳號者，請先提出個人帳號申請。
        </Typography>
      </Box>

      <Box
        component="ul"
        aria-label="登入及申請項目"
        sx={{
          listStyle: 'none',
          p: 0,
          m: 0,
          display: 'grid',
          gap: { xs: 2, sm: 3 },
          gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)' },
          maxWidth: 960,
          mx: 'auto',
        }}
      >
        <EntryCard
          icon={<LoginOutlined />}
          title={ROUTES.login.title}
          description="使用個人公務帳號登入，將轉跳至單一帳號認證平台選擇登入方式。"
          action={{ kind: 'link', to: ROUTES.login.path, label: ROUTES.login.title }}
          emphasis
        />
        <EntryCard
          icon={<AlternateEmailOutlined />}
          title="機關及系統郵件帳號登入專區"
          description="使用機關及系統郵件帳號登入郵件系統，將另開新視窗開啟郵件系統登入介面。"
          action={{ kind: 'external', href: config.mailLoginUrl, label: '機關及系統郵件帳號登入專區' }}
        />
        <EntryCard
          icon={<PersonAddAltOutlined />}
          title="個人帳號申請/修改/復用"
          description="申請個人公務帳號、修改尚未審核通過的申請內容，或申請復用已停用的個人公務帳號。"
          action={{ kind: 'custom', node: <AccountApplicationMenu /> }}
        />
        <EntryCard
          icon={<SupportAgentOutlined />}
          title={ROUTES.agencyAdminLookup.title}
          description="查詢所屬機關之機關管理者聯繫資訊，例如提出帳號申請後協助簽核的人員。"
          action={{ kind: 'link', to: ROUTES.agencyAdminLookup.path, label: ROUTES.agencyAdminLookup.title }}
        />
      </Box>
    </>
  );
}
