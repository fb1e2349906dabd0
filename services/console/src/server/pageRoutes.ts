/** The console's page paths (client-side routes): each answers index.html when no API route does. */
const PAGES = [
  /^\/$/,
  /^\/vao$/,
  /^\/hom-nay$/,
  /^\/cua-toi$/,
  /^\/ho-so\/[0-9a-f-]{36}$/,
  /^\/vong-dac-xa$/,
  /^\/giam-sat$/,
  /^\/kiem-toan$/,
  /^\/thong-ke$/,
  /^\/oidc\/callback$/,
];

/** Whether a path (without its query) is one of the console's pages. */
export const isPage = (path: string): boolean => PAGES.some((page) => page.test(path));
