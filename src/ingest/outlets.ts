/**
 * Outlet names for web domains and wire-service credits. General news knowledge,
 * not tied to any input: unknown domains fall back to the bare domain.
 */

const DOMAIN_OUTLETS: Record<string, string> = {
  'reuters.com': 'Reuters',
  'tass.com': 'TASS',
  'tass.ru': 'TASS',
  'rt.com': 'RT',
  'abcnews.go.com': 'ABC News',
  'abcnews.com': 'ABC News',
  'apnews.com': 'AP',
  'bbc.co.uk': 'BBC',
  'bbc.com': 'BBC',
  'en.wikipedia.org': 'Wikipedia',
  'cnn.com': 'CNN',
  'nytimes.com': 'The New York Times',
  'washingtonpost.com': 'The Washington Post',
  'theguardian.com': 'The Guardian',
  'aljazeera.com': 'Al Jazeera',
  'bloomberg.com': 'Bloomberg',
  'ft.com': 'Financial Times',
  'wsj.com': 'The Wall Street Journal',
  'foxnews.com': 'Fox News',
  'nbcnews.com': 'NBC News',
  'cbsnews.com': 'CBS News',
  'npr.org': 'NPR',
  'politico.com': 'Politico',
  'axios.com': 'Axios',
  'france24.com': 'France 24',
  'dw.com': 'DW',
  'afp.com': 'AFP',
  'interfax.com': 'Interfax',
  'ria.ru': 'RIA Novosti',
  'kyivindependent.com': 'The Kyiv Independent',
  'ukrinform.net': 'Ukrinform',
  'themoscowtimes.com': 'The Moscow Times',
  'xinhuanet.com': 'Xinhua',
};

/** The registrable-looking host of a URL or bare domain, lower-case, without `www.`/`m.`. */
export function hostOf(urlOrDomain: string): string | null {
  const raw = urlOrDomain.trim();
  if (raw === '') return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`).hostname;
  } catch {
    return null;
  }
  host = host.toLowerCase().replace(/^(?:www\d?|m|amp|mobile)\./, '');
  return host.includes('.') ? host : null;
}

/**
 * The outlet name for a domain: an exact entry, else the entry of a parent domain
 * (`uk.reuters.com` → Reuters; `en.wikipedia.org` is exact so `de.wikipedia.org`
 * stays a domain), else the domain itself.
 */
export function outletForDomain(urlOrDomain: string): string | null {
  const host = hostOf(urlOrDomain);
  if (host === null) return null;
  const labels = host.split('.');
  for (let k = 0; k < labels.length - 1; k++) {
    const candidate = labels.slice(k).join('.');
    const name = DOMAIN_OUTLETS[candidate];
    if (name !== undefined) return name;
  }
  return host;
}

/** Wire services and agencies as credited in datelines and bylines, with their usual names. */
export const WIRE_CREDITS: Record<string, string> = {
  Reuters: 'Reuters',
  AP: 'AP',
  'Associated Press': 'AP',
  'The Associated Press': 'AP',
  AFP: 'AFP',
  'Agence France-Presse': 'AFP',
  TASS: 'TASS',
  'RIA Novosti': 'RIA Novosti',
  Interfax: 'Interfax',
  Bloomberg: 'Bloomberg',
  Xinhua: 'Xinhua',
  UPI: 'UPI',
  dpa: 'dpa',
  DPA: 'dpa',
  Ukrinform: 'Ukrinform',
  Anadolu: 'Anadolu',
  Kyodo: 'Kyodo',
  Yonhap: 'Yonhap',
  ANSA: 'ANSA',
  EFE: 'EFE',
  PTI: 'PTI',
  CNN: 'CNN',
  BBC: 'BBC',
};
