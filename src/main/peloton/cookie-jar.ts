/** Just enough of a cookie jar for Auth0's hosted login: name, value and path, per host. */
export type CookieJar = {
  store(url: string, response: Response): void;
  header(url: string): string;
  get(name: string): string | undefined;
};

type Cookie = { host: string; name: string; value: string; path: string };

export function createCookieJar(): CookieJar {
  const cookies: Cookie[] = [];
  return {
    store(url, response) {
      const host = new URL(url).host;
      for (const line of response.headers.getSetCookie()) {
        const [pair = '', ...attrs] = line.split(';');
        const eq = pair.indexOf('=');
        if (eq < 1) continue;
        const name = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        const pathAttr = attrs.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith('path='));
        const path = pathAttr ? pathAttr.slice(5) : '/';
        const i = cookies.findIndex((c) => c.host === host && c.name === name && c.path === path);
        if (i >= 0) cookies.splice(i, 1);
        if (value !== '') cookies.push({ host, name, value, path });
      }
    },
    header(url) {
      const { host, pathname } = new URL(url);
      return cookies
        .filter((c) => c.host === host && pathname.startsWith(c.path))
        .map((c) => `${c.name}=${c.value}`)
        .join('; ');
    },
    get(name) {
      return cookies.find((c) => c.name === name)?.value;
    },
  };
}
