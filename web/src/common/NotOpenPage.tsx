import ConstructionOutlined from '@mui/icons-material/ConstructionOutlined';
import { StatusPage, type StatusPageProps } from './StatusPage';

/** Shown by every page that is not built yet: its title and a clear 尚未開放, never made-up data. */
export function NotOpenPage({ title, home }: { title: string; home: StatusPageProps['home'] }) {
  return (
    <StatusPage
      title={title}
      heading={title}
      icon={<ConstructionOutlined />}
      description={
        <>
          <strong>此功能尚未開放。</strong>
          <br />
          系統正在建置中，開放後即可於此使用「{title}」。
        </>
      }
      home={home}
    />
  );
}
