/** The language picker: the app's languages, each named in its own words. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES } from '../i18n';

export function LanguageSelect({ className, testId }: { className: string; testId: string }) {
  const { t, i18n } = useTranslation('common');
  // A language's strings may still be loading: the picker shows the pick meanwhile, not the
  // language the page is still in.
  const [picked, setPicked] = useState<string | null>(null);
  const pick = (language: string) => {
    setPicked(language);
    void i18n
      .changeLanguage(language)
      .finally(() => setPicked((current) => (current === language ? null : current)));
  };
  return (
    <label className={className}>
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        value={picked ?? i18n.resolvedLanguage ?? 'en'}
        onChange={(event) => pick(event.target.value)}
        data-testid={testId}
        title={t('language.label')}
      >
        {SUPPORTED_LANGUAGES.map((lng) => (
          <option key={lng} value={lng}>
            {t(`language.${lng}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
