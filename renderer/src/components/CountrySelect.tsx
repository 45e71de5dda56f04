/**
 * A country chosen from the list of names in the reader's language (shared/countries.ts), never typed as a code:
 * a two-letter text field cut "Nigeria" to NI (Nicaragua).
 */
import { useMemo, type ReactElement } from 'react';
import { countryOptions } from '../../../shared/countries';
import { useTranslator } from '../i18n';

export function CountrySelect(props: {
  label: string;
  value: string;
  invalid?: true | undefined;
  testId: string;
  required?: boolean;
  onChange: (code: string) => void;
}): ReactElement {
  const { t, locale } = useTranslator();
  const options = useMemo(() => countryOptions(locale), [locale]);
  return (
    <label>
      {props.label}
      <select
        value={props.value}
        aria-invalid={props.invalid}
        required={props.required}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{t('common.country_none')}</option>
        {options.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
