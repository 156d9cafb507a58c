// The words and pages of each kind of item: one table, so the shared pages never branch on the kind
// for a label.
import { custodianWord, type ItemKind } from '../../../../domain/bookings/resource-schema';
import { ROUTES, type RouteId } from '../../routes/paths';
import type { ItemRow } from './api';

export interface KindWords {
  kind: ItemKind;
  /** 場地清單管理 … */
  listRoute: RouteId;
  newRoute: RouteId;
  detailRoute: RouteId;
  /** 新增場地 */
  newLabel: string;
  /** 以場地名稱、場地所屬機關 查詢 */
  searchLabel: string;
  /** 場地資訊 / 公務車資訊 / 司機資訊 */
  infoTab: string;
  /** 保管人 / 管理人 */
  custodian: string;
  /** 借用紀錄 / 派遣紀錄, and its date filter */
  recordsTab: string;
  recordsDate: string;
  /** The list's columns after 所在地. */
  columns: { header: string; cell: (row: ItemRow) => string }[];
}

const nameColumn = (header: string) => ({ header, cell: (r: ItemRow) => r.name });
const agencyColumn = { header: '管理機關', cell: (r: ItemRow) => r.agency };

export const KINDS: Record<ItemKind, KindWords> = {
  VENUE: {
    kind: 'VENUE',
    listRoute: 'consoleVenues',
    newRoute: 'consoleVenueNew',
    detailRoute: 'consoleVenue',
    newLabel: '新增場地',
    searchLabel: '以場地名稱、場地所屬機關 查詢',
    infoTab: '場地資訊',
    custodian: custodianWord('VENUE'),
    recordsTab: '借用紀錄',
    recordsDate: '借用日期',
    columns: [
      nameColumn('場地名稱'),
      { header: '所在樓層', cell: (r) => r.floor ?? '' },
      agencyColumn,
      { header: '容納人數', cell: (r) => String(r.capacity ?? '') },
    ],
  },
  CAR: {
    kind: 'CAR',
    listRoute: 'consoleCars',
    newRoute: 'consoleCarNew',
    detailRoute: 'consoleCar',
    newLabel: '新增公務車',
    searchLabel: '以公務車車型、公務車所屬機關 查詢',
    infoTab: '公務車資訊',
    custodian: custodianWord('CAR'),
    recordsTab: '借用紀錄',
    recordsDate: '借用日期',
    columns: [
      { header: '車型', cell: (r) => r.vehicleType ?? '' },
      nameColumn('車號'),
      { header: '公務車編號', cell: (r) => r.carCode ?? '' },
      agencyColumn,
      { header: '乘客人數上限', cell: (r) => String(r.capacity ?? '') },
    ],
  },
  DRIVER: {
    kind: 'DRIVER',
    listRoute: 'consoleDrivers',
    newRoute: 'consoleDriverNew',
    detailRoute: 'consoleDriver',
    newLabel: '新增司機',
    searchLabel: '以司機姓名、司機證照、司機所屬機關 查詢',
    infoTab: '司機資訊',
    custodian: custodianWord('DRIVER'),
    recordsTab: '派遣紀錄',
    recordsDate: '派遣日期',
    columns: [
      nameColumn('司機姓名'),
      { header: '司機證照', cell: (r) => r.licence ?? '' },
      agencyColumn,
      { header: '司機聯絡電話', cell: (r) => r.phone ?? '' },
    ],
  },
};

export const detailPath = (kind: ItemKind, id: string) =>
  ROUTES[KINDS[kind].detailRoute].path.replace(':id', encodeURIComponent(id));
