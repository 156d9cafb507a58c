/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** 機關及系統郵件帳號登入專區: the mail system's login page. */
  readonly VITE_MAIL_LOGIN_URL?: string;
  /** 聯絡系統管理員: e-mail address used in the footer's mailto link. */
  readonly VITE_ADMIN_CONTACT_EMAIL?: string;
  /** External links of 應用程式列表 and 公務通訊資源 (empty = not configured yet: the page says 尚未開放). */
  readonly VITE_LINK_YONGHUA_TEMPERATURE?: string;
  readonly VITE_LINK_ENERGY_SAVING?: string;
  readonly VITE_LINK_PROPERTY_SYSTEM?: string;
  readonly VITE_LINK_SMALL_PROCUREMENT?: string;
  readonly VITE_LINK_PERSONNEL_ISHARE?: string;
  readonly VITE_LINK_SALARY_QUERY?: string;
  readonly VITE_LINK_COUNCILLORS?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
