import { ROUTES } from '../../routes/paths';
import { ManagedListPage } from '../items/ItemListPage';
import { repairTypesApi, type RepairTypeRow } from './api';

export const repairTypePath = (id: string) => ROUTES.consoleRepairType.path.replace(':id', encodeURIComponent(id));

/**
 * 報修類型管理: the types the user manages (a 類型保管人 those they hold, an agency admin their agency's,
 * a system admin all), 查詢 by 報修類型, 編輯; 新增 for admins.
 */
export default function RepairTypeListPage() {
  return (
    <ManagedListPage<RepairTypeRow>
      spec={{
        title: ROUTES.consoleRepairTypes.title,
        create: { path: ROUTES.consoleRepairTypeNew.path, label: '新增' },
        searchLabel: '報修類型',
        listPath: repairTypesApi.listPath,
        columns: [
          { header: '報修類型', cell: (r) => r.name },
          { header: '所屬機關', cell: (r) => r.agency },
          { header: '允許報修機關', cell: (r) => r.audienceLabel },
          { header: '維修人員', cell: (r) => r.vendors.join('、') },
          { header: '保管人', cell: (r) => r.custodians.join('、') },
        ],
        detailPath: repairTypePath,
      }}
    />
  );
}
