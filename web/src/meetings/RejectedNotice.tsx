import { useT } from '../context';

/**
 * For someone the host did not let in: said plainly and kindly, with whom to
 * ask. The page then has no camera, microphone or connection to anyone.
 */
export function RejectedNotice() {
  const { t } = useT();
  return (
    <section class="notice" aria-labelledby="rejected-title" id="meeting-rejected">
      <h2 id="rejected-title" class="notice__title">
        {t('meeting.rejectedTitle')}
      </h2>
      <p>{t('meeting.rejectedText')}</p>
      <p>{t('meeting.rejectedAdvice')}</p>
    </section>
  );
}
