import SearchOffOutlined from '@mui/icons-material/SearchOffOutlined';
import { StatusPage, type StatusPageProps } from './StatusPage';

export function NotFoundPage({ home }: { home: StatusPageProps['home'] }) {
  return (
    <StatusPage
      title="找不到網頁"
      heading="找不到您要的網頁"
      icon={<SearchOffOutlined />}
      description="網址可能有誤，或此網頁已移除。請由選單重新進入。"
      home={home}
    />
  );
}
