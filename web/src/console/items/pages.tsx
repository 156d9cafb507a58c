// The pages of 物品管理 as the router loads them: the three kinds share each page.
import { ItemDetailPage } from './ItemDetailPage';
import { ItemListPage } from './ItemListPage';
import { NewItemPage } from './NewItemPage';

export const VenueListPage = () => <ItemListPage kind="VENUE" />;
export const CarListPage = () => <ItemListPage kind="CAR" />;
export const DriverListPage = () => <ItemListPage kind="DRIVER" />;
export const NewVenuePage = () => <NewItemPage kind="VENUE" />;
export const NewCarPage = () => <NewItemPage kind="CAR" />;
export const NewDriverPage = () => <NewItemPage kind="DRIVER" />;
export const VenuePage = () => <ItemDetailPage kind="VENUE" />;
export const CarPage = () => <ItemDetailPage kind="CAR" />;
export const DriverPage = () => <ItemDetailPage kind="DRIVER" />;
export { ItemsHomePage } from './ItemsHomePage';
