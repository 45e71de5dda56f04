/**
 * Countries: the ISO 3166-1 alpha-2 codes (the 249 officially assigned ones) that addresses, Factur-X and phone
 * numbers use, and their names in the reader's language from `Intl.DisplayNames` — so a form offers a list of
 * names instead of a two-letter text field, and the contract refuses anything that is not one of these codes.
 */

const CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
  'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
  'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
  'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
  'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
  'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';

export const COUNTRY_CODES: readonly string[] = CODES.split(' ');
const KNOWN = new Set(COUNTRY_CODES);

export const isCountryCode = (code: string): boolean => KNOWN.has(code);

const namers = new Map<string, Intl.DisplayNames>();
function namer(locale: string): Intl.DisplayNames {
  let n = namers.get(locale);
  if (!n) {
    n = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
    namers.set(locale, n);
  }
  return n;
}

/** The country's name in `locale` ("NG" → "Nigeria", "نيجيريا", …); the code itself when Intl has no name. */
export function countryName(code: string, locale: string): string {
  try {
    return namer(locale).of(code) ?? code;
  } catch {
    return code;
  }
}

export interface CountryOption {
  code: string;
  name: string;
}

/** Every country with its name in `locale`, sorted as that language sorts names. */
export function countryOptions(locale: string): CountryOption[] {
  const collator = new Intl.Collator(locale);
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}

/**
 * The code of a country written out by name in English, Arabic or Spanish ("Nigeria" → "NG"), for input that
 * gave a name where a code belongs (a CSV column, a CLI flag); null when nothing matches exactly.
 */
export function countryCodeOfName(text: string): string | null {
  const wanted = text.trim().toLocaleLowerCase();
  if (wanted.length < 3) return null;
  for (const locale of ['en', 'ar', 'es']) {
    for (const code of COUNTRY_CODES) if (countryName(code, locale).toLocaleLowerCase() === wanted) return code;
  }
  return null;
}
