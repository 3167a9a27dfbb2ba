// Swedish is the default language and the source of truth for message keys:
// en.ts must define exactly the same keys (the type checker enforces it).
// Placeholders are written {name}. Plural forms use the suffixes .one/.other.
export const sv = {
  'app.name': 'Öppenvård',
  'app.tagline': 'Digitala vårdkontakter',
  'skip.toMain': 'Hoppa till huvudinnehållet',
  'nav.label': 'Huvudmeny',
  'nav.directory': 'Hitta mottagning',
  'nav.patient': 'Mina sidor',
  'nav.staff': 'Personal',
  'nav.admin': 'Administration',
  'lang.switchTo': 'English',
  'lang.switchToLabel': 'Change language to English',
  'footer.label': 'Sidfot',
  'footer.about': 'Öppenvård är en öppen plattform för digitala vårdkontakter.',
  'footer.accessibility': 'Tillgänglighetsredogörelse',
  'footer.emergency': 'Vid akut livshotande tillstånd, ring 112.',

  'start.title': 'Välkommen till Öppenvård',
  'start.intro':
    'Här hittar du mottagningar inom öppenvården och ser vilka e-tjänster de erbjuder, till exempel att boka tid eller skicka ett meddelande.',
  'start.directoryLink': 'Hitta en mottagning',
  'start.directoryHint': 'Sök på mottagningens namn eller ort.',
  'start.urgentTitle': 'Behöver du vård nu?',
  'start.urgentAdvice': 'Ring 1177 för sjukvårdsrådgivning dygnet runt.',
  'start.urgentEmergency': 'Vid akut livshotande tillstånd, ring 112.',
  'start.comingTitle': 'Det här kommer',
  'start.comingText':
    'Inloggning med e-legitimation för patienter och personal är inte byggd ännu. Tills vidare kan du söka bland mottagningarna.',

  'directory.title': 'Hitta mottagning',
  'directory.intro': 'Sök bland mottagningarna på namn eller ort.',
  'directory.searchLabel': 'Sök mottagning eller ort',
  'directory.searchButton': 'Sök',
  'directory.searchRegion': 'Sök mottagning',
  'directory.resultsHeading': 'Mottagningar',
  'directory.loading': 'Hämtar mottagningar…',
  'directory.loadingMore': 'Hämtar fler mottagningar…',
  'directory.count.one': '{count} mottagning visas.',
  'directory.count.other': '{count} mottagningar visas.',
  'directory.countMore': 'Det finns fler.',
  'directory.empty': 'Inga mottagningar matchar ”{q}”.',
  'directory.emptyHint': 'Kontrollera stavningen eller sök på en ort i stället.',
  'directory.emptyAll': 'Det finns inga mottagningar att visa ännu.',
  'directory.loadMore': 'Visa fler mottagningar',
  'directory.error': 'Det gick inte att hämta mottagningarna. Försök igen.',
  'common.retry': 'Försök igen',
  'directory.city': 'Ort',
  'directory.administration': 'Huvudman',

  'clinic.loadingTitle': 'Mottagning',
  'clinic.loading': 'Hämtar mottagningen…',
  'clinic.notFoundTitle': 'Mottagningen finns inte',
  'clinic.notFound':
    'Vi hittar ingen mottagning med den adressen. Den kan ha tagits bort, eller så är länken fel.',
  'clinic.error': 'Det gick inte att hämta mottagningen. Försök igen.',
  'clinic.back': 'Alla mottagningar',
  'clinic.administration': 'Huvudman',
  'clinic.hsaId': 'HSA-id',
  'clinic.visitTitle': 'Besöksadress',
  'clinic.contactTitle': 'Kontakt',
  'clinic.phone': 'Telefon',
  'clinic.email': 'E-post',
  'clinic.openingHours': 'Öppettider',
  'clinic.noContact': 'Mottagningen har inte angett några kontaktuppgifter.',
  'clinic.eservicesTitle': 'E-tjänster',
  'clinic.eservicesIntro': 'De här e-tjänsterna kan mottagningen erbjuda. Du använder dem när inloggning finns på plats.',
  'clinic.eservicesNone': 'Mottagningen har inga e-tjänster.',
  'clinic.offered': 'Erbjuds',
  'clinic.notApplicable': 'Erbjuds inte',
  'clinic.reasonLabel': 'Anledning:',

  'category.basic': 'Grundläggande e-tjänster',
  'category.recommended': 'Rekommenderade e-tjänster',
  'category.custom': 'Mottagningens egna e-tjänster',

  'kind.primary_care': 'Vårdcentral',
  'kind.habilitation': 'Habilitering',
  'kind.psychiatry': 'Psykiatri',
  'kind.home_care': 'Hemsjukvård och hemtjänst',
  'kind.other': 'Annan verksamhet',

  'patient.title': 'Mina sidor',
  'patient.intro':
    'Här ska du som patient kunna logga in med e-legitimation, till exempel BankID eller Freja+, för att se dina bokade tider, boka om och skriva till din mottagning.',
  'patient.notYet': 'Inloggningen är inte byggd ännu. Det går därför inte att logga in här i dag.',
  'patient.meanwhile': 'Du kan redan nu söka efter din mottagning och se vilka e-tjänster den erbjuder.',

  'staff.title': 'Personal',
  'staff.intro':
    'Här ska vårdpersonal logga in med sitt e-tjänstekort för att hantera bokningar, meddelanden och videobesök.',
  'staff.notYet': 'Inloggningen för personal är inte byggd ännu.',

  'admin.title': 'Administration',
  'admin.intro':
    'Här ska den som administrerar en mottagning kunna ändra kontaktuppgifter, öppettider och vilka e-tjänster mottagningen erbjuder.',
  'admin.notYet': 'Administrationen är inte byggd ännu.',

  'notFound.title': 'Sidan finns inte',
  'notFound.text': 'Sidan du letar efter finns inte. Kontrollera adressen eller gå till startsidan.',
  'notFound.home': 'Till startsidan',

  'a11y.title': 'Tillgänglighetsredogörelse',
  'a11y.intro':
    'Öppenvård är en öppen plattform för digitala vårdkontakter. Vi vill att alla ska kunna använda tjänsten, oavsett funktionsförmåga. Här beskriver vi hur tjänsten uppfyller lagen om tillgänglighet till digital offentlig service (DOS-lagen), kända brister och hur du kan rapportera problem.',
  'a11y.statusTitle': 'Hur tillgänglig är tjänsten?',
  'a11y.status':
    'Tjänsten är delvis förenlig med WCAG 2.1 nivå AA. Den är fortfarande under utveckling och har inte granskats av någon extern part.',
  'a11y.testedTitle': 'Så har vi testat',
  'a11y.tested':
    'Vi har själva bedömt tjänsten. Varje ändring testas automatiskt med verktyget axe mot WCAG 2.1 nivå A och AA, med endast tangentbord och i 320 pixlars bredd. Automatiska tester hittar inte alla brister.',
  'a11y.knownTitle': 'Kända brister',
  'a11y.known1': 'Tjänsten har inte testats med alla skärmläsare och webbläsare.',
  'a11y.known2': 'Inloggning och e-tjänster är inte byggda ännu och har därför inte granskats.',
  'a11y.reportTitle': 'Rapportera brister',
  'a11y.report':
    'Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i ett annat format, vill vi gärna veta det. Skicka e-post till',
  'a11y.reportNote': 'Adressen gäller demonstrationsinstallationen; den som driftar tjänsten anger sin egen.',
  'a11y.supervisionTitle': 'Tillsyn',
  'a11y.supervision':
    'Myndigheten för digital förvaltning (Digg) ansvarar för tillsyn över lagen. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du anmäla det till Digg.',
  'a11y.diggLink': 'Anmäl till Digg (digg.se)',
} as const;

export type MessageKey = keyof typeof sv;
