import { CatalogErrorBoundary } from '../../features/catalog/catalog-error-boundary';
import { CatalogPage, createCatalogLoader } from '../../features/catalog/catalog-page';

/** The list of troubleshooters (/ and /list/<n>): its page, its error screen and its loader. */
export const Component = CatalogPage;
export const ErrorBoundary = CatalogErrorBoundary;
export const clientLoader = createCatalogLoader;
