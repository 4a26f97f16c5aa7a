/** Version of the API contract and product, shown by /api/health. */
export const APP_VERSION = '0.1.0';
