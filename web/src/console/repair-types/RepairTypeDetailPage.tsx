import { REPAIR_CUSTODIAN_WORD } from '../../../../domain/repairs/type-schema';
import { ROUTES } from '../../routes/paths';
import { Custodians } from '../items/CustodiansTab';
import { ManagedDetailPage } from '../items/ItemDetailPage';
import { repairTypesApi, type RepairTypeDetail } from './api';
import { RepairStatsTab } from './RepairStatsTab';
import { RepairTypeInfoTab } from './RepairTypeInfoTab';

type TabId = 'info' | 'custodians' | 'stats';
const W = REPAIR_CUSTODIAN_WORD;

/** 報修類型管理 › 編輯: the type's 報修類型資訊, 保管人設定 and 處理狀況 tabs. */
export default function RepairTypeDetailPage() {
  return (
    <ManagedDetailPage<RepairTypeDetail, TabId>
      title={ROUTES.consoleRepairType.title}
      load={repairTypesApi.get}
      tabs={[
        { value: 'info', label: '報修類型資訊' },
        { value: 'custodians', label: '保管人設定' },
        { value: 'stats', label: '處理狀況' },
      ]}
      render={(tab, type, saved) =>
        tab === 'info' ? (
          <RepairTypeInfoTab type={type} onSaved={saved} />
        ) : tab === 'custodians' ? (
          <Custodians
            spec={{
              words: { slot: W, log: '保管人' },
              hint: `每個報修類型可設置 2 位${W}；${W} 1 為必填，${W} 2 可移除。`,
              holders: [type.custodian1, type.custodian2],
              editable: type.allowedActions.includes('repairType.custodians'),
              set: (slot, body) => repairTypesApi.setCustodian(type.id, slot, body),
              changesPath: repairTypesApi.changesPath(type.id),
            }}
            onSaved={saved}
          />
        ) : (
          <RepairStatsTab typeId={type.id} />
        )
      }
    />
  );
}
