export declare const FIRST_ROUTE_BUDGET: number;
export interface PageWeight {
  page: string;
  module: string;
  jsGzip: number;
  files: number;
}
export declare function measurePages(distDir: string, pagesFile: string): PageWeight[];
