import { useT } from '../context';
import { DATA_LANG } from '../directory/clinic';
import { pickLocalized } from '../directory/labels';
import { answerLines, type CaseForm } from './model';

/** The form's answers, labelled as the form asked. */
export function CaseAnswers({ fields, form, headingId }: { fields: Record<string, string>; form: CaseForm | null; headingId: string }) {
  const { t, lang } = useT();
  const lines = answerLines(fields, form);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('case.answersTitle')}</h2>
      {lines.length === 0 ? (
        <p>{t('case.noAnswers')}</p>
      ) : (
        <dl class="answers">
          {lines.map((line) => {
            const label = pickLocalized(line.label, lang);
            const choice = line.choice ? pickLocalized(line.choice, lang) : null;
            return (
              <div key={line.key}>
                <dt lang={label.lang === lang ? undefined : label.lang}>{label.text}</dt>
                {choice ? (
                  <dd lang={choice.lang === lang ? undefined : choice.lang}>{choice.text}</dd>
                ) : (
                  // The person's own words, as written (most often Swedish).
                  <dd class="answers__text" lang={lang === DATA_LANG ? undefined : DATA_LANG}>
                    {line.value}
                  </dd>
                )}
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}
