import CloseOutlined from '@mui/icons-material/CloseOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import MuiLink from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

/** One admin as the API shows them: never a backup e-mail, mobile number or ID number. */
export interface AgencyAdmin {
  name: string;
  unit: string;
  title: string;
  officePhone: string;
  officeExt: string;
  officialMail: string;
}

export interface AgencyAdmins {
  agency: { code: string; name: string };
  /** True when the agency has no admin of its own and the system admins are listed. */
  fallback: boolean;
  items: AgencyAdmin[];
}

const phoneText = (a: AgencyAdmin) => (a.officePhone ? `${a.officePhone}${a.officeExt ? ` 分機 ${a.officeExt}` : ''}` : '—');

/** The admins of one agency: 姓名, 單位, 職稱, 公務電話 and 詳細 (a dialog, closed with X). */
export function AgencyAdminList({ admins }: { admins: AgencyAdmins }) {
  const [detail, setDetail] = useState<AgencyAdmin | null>(null);
  return (
    <>
      {admins.fallback && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {admins.agency.name}目前沒有機關管理者，帳號相關申請由系統管理者審核，聯繫資訊如下。
        </Alert>
      )}
      {admins.items.length === 0 ? (
        <Alert severity="warning">查無{admins.agency.name}的機關管理者。</Alert>
      ) : (
        <Table size="small" aria-label={`${admins.agency.name}${admins.fallback ? '（系統管理者）' : '機關管理者'}`}>
          <TableHead>
            <TableRow>
              <TableCell>姓名</TableCell>
              <TableCell>單位</TableCell>
              <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>職稱</TableCell>
              <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>公務電話</TableCell>
              <TableCell align="right">詳細</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {admins.items.map((admin, index) => (
              <TableRow key={`${admin.name}-${index}`}>
                <TableCell sx={{ fontWeight: 600 }}>{admin.name}</TableCell>
                <TableCell>{admin.unit}</TableCell>
                <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{admin.title}</TableCell>
                <TableCell sx={{ display: { xs: 'none', md: 'table-cell' }, whiteSpace: 'nowrap' }}>{phoneText(admin)}</TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => setDetail(admin)} aria-label={`詳細：${admin.name}`}>
                    詳細
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Dialog open={detail !== null} onClose={() => setDetail(null)} fullWidth maxWidth="xs" aria-labelledby="admin-detail-title">
        {detail && (
          <>
            <DialogTitle id="admin-detail-title" sx={{ pr: 6 }}>
              {admins.fallback ? '系統管理者' : '機關管理者'}詳細資訊
              <IconButton aria-label="關閉" onClick={() => setDetail(null)} sx={{ position: 'absolute', right: 8, top: 8 }}>
                <CloseOutlined />
              </IconButton>
            </DialogTitle>
            <DialogContent>
              <Table size="small" aria-label="聯繫資訊">
                <TableBody>
                  {(
                    [
                      ['姓名', detail.name],
                      ['機關', admins.agency.name],
                      ['單位', detail.unit],
                      ['職稱', detail.title || '—'],
                      ['公務電話', phoneText(detail)],
                      [
                        '公務信箱',
                        detail.officialMail ? (
                          <MuiLink href={`mailto:${detail.officialMail}`}>{detail.officialMail}</MuiLink>
                        ) : (
                          '—'
                        ),
                      ],
                    ] as const
                  ).map(([label, value]) => (
                    <TableRow key={label}>
                      <TableCell component="th" scope="row" sx={{ width: 96, color: 'text.secondary' }}>
                        {label}
                      </TableCell>
                      <TableCell>{typeof value === 'string' ? <Typography>{value}</Typography> : value}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </DialogContent>
          </>
        )}
      </Dialog>
    </>
  );
}
