import type { MessageKey } from './sv';

export const en: Record<MessageKey, string> = {
  'app.name': 'Öppenvård',
  'app.tagline': 'Digital healthcare contacts',
  'skip.toMain': 'Skip to main content',
  'nav.label': 'Main menu',
  'nav.directory': 'Find a clinic',
  'nav.patient': 'My pages',
  'nav.staff': 'Staff',
  'nav.admin': 'Administration',
  'lang.switchTo': 'Svenska',
  'lang.switchToLabel': 'Byt språk till svenska',
  'footer.label': 'Footer',
  'footer.about': 'Öppenvård is an open platform for digital healthcare contacts.',
  'footer.accessibility': 'Accessibility statement',
  'footer.emergency': 'In a life-threatening emergency, call 112.',

  'start.title': 'Welcome to Öppenvård',
  'start.intro':
    'Find outpatient clinics and see which e-services they offer, such as booking an appointment or sending a message.',
  'start.directoryLink': 'Find a clinic',
  'start.directoryHint': 'Search by clinic name or town.',
  'start.urgentTitle': 'Do you need care now?',
  'start.urgentAdvice': 'Call 1177 for healthcare advice, day and night.',
  'start.urgentEmergency': 'In a life-threatening emergency, call 112.',
  'start.comingTitle': 'Coming later',
  'start.comingText':
    'Log-in with e-ID for patients and staff has not been built yet. For now you can search the clinics.',

  'directory.title': 'Find a clinic',
  'directory.intro': 'Search the clinics by name or town.',
  'directory.searchLabel': 'Search clinic or town',
  'directory.searchButton': 'Search',
  'directory.searchRegion': 'Search clinics',
  'directory.resultsHeading': 'Clinics',
  'directory.loading': 'Loading clinics…',
  'directory.loadingMore': 'Loading more clinics…',
  'directory.count.one': 'Showing {count} clinic.',
  'directory.count.other': 'Showing {count} clinics.',
  'directory.countMore': 'There are more.',
  'directory.empty': 'No clinics match “{q}”.',
  'directory.emptyHint': 'Check the spelling or search for a town instead.',
  'directory.emptyAll': 'There are no clinics to show yet.',
  'directory.loadMore': 'Show more clinics',
  'directory.error': 'The clinics could not be loaded. Please try again.',
  'common.retry': 'Try again',
  'directory.city': 'Town',
  'directory.administration': 'Run by',

  'clinic.loadingTitle': 'Clinic',
  'clinic.loading': 'Loading the clinic…',
  'clinic.notFoundTitle': 'Clinic not found',
  'clinic.notFound':
    'We cannot find a clinic at this address. It may have been removed, or the link may be wrong.',
  'clinic.error': 'The clinic could not be loaded. Please try again.',
  'clinic.back': 'All clinics',
  'clinic.administration': 'Run by',
  'clinic.hsaId': 'HSA ID',
  'clinic.visitTitle': 'Visiting address',
  'clinic.contactTitle': 'Contact',
  'clinic.phone': 'Phone',
  'clinic.email': 'Email',
  'clinic.openingHours': 'Opening hours',
  'clinic.noContact': 'The clinic has not given any contact details.',
  'clinic.eservicesTitle': 'E-services',
  'clinic.eservicesIntro': 'These are the e-services the clinic can offer. You use them once log-in is in place.',
  'clinic.eservicesNone': 'The clinic has no e-services.',
  'clinic.offered': 'Offered',
  'clinic.notApplicable': 'Not offered',
  'clinic.reasonLabel': 'Reason:',

  'category.basic': 'Basic e-services',
  'category.recommended': 'Recommended e-services',
  'category.custom': 'The clinic’s own e-services',

  'kind.primary_care': 'Primary care centre',
  'kind.habilitation': 'Habilitation',
  'kind.psychiatry': 'Psychiatry',
  'kind.home_care': 'Home health care',
  'kind.other': 'Other service',

  'patient.title': 'My pages',
  'patient.intro':
    'This is where you as a patient will log in with e-ID, such as BankID or Freja+, to see your appointments, rebook them and write to your clinic.',
  'patient.notYet': 'Log-in has not been built yet, so you cannot log in here today.',
  'patient.meanwhile': 'You can already search for your clinic and see which e-services it offers.',

  'staff.title': 'Staff',
  'staff.intro':
    'This is where healthcare staff will log in with their staff e-ID card to handle bookings, messages and video visits.',
  'staff.notYet': 'Log-in for staff has not been built yet.',

  'admin.title': 'Administration',
  'admin.intro':
    'This is where clinic administrators will change contact details, opening hours and which e-services the clinic offers.',
  'admin.notYet': 'Administration has not been built yet.',

  'notFound.title': 'Page not found',
  'notFound.text': 'The page you are looking for does not exist. Check the address or go to the start page.',
  'notFound.home': 'Go to the start page',

  'a11y.title': 'Accessibility statement',
  'a11y.intro':
    'Öppenvård is an open platform for digital healthcare contacts. We want everyone to be able to use it, whatever their abilities. This page describes how the service meets the Swedish act on accessibility of digital public services (DOS-lagen), known shortcomings and how to report problems.',
  'a11y.statusTitle': 'How accessible is the service?',
  'a11y.status':
    'The service is partially compliant with WCAG 2.1 level AA. It is still being developed and has not been audited by an external party.',
  'a11y.testedTitle': 'How we tested',
  'a11y.tested':
    'We assessed the service ourselves. Every change is tested automatically with the axe tool against WCAG 2.1 levels A and AA, with the keyboard only and at 320 pixels width. Automated tests do not find every problem.',
  'a11y.knownTitle': 'Known shortcomings',
  'a11y.known1': 'The service has not been tested with every screen reader and browser.',
  'a11y.known2': 'Log-in and e-services have not been built yet and so have not been reviewed.',
  'a11y.reportTitle': 'Report a problem',
  'a11y.report':
    'If you find a problem that is not described here, or need content in another format, please tell us. Email',
  'a11y.reportNote': 'This address belongs to the demonstration installation; whoever runs the service gives their own.',
  'a11y.supervisionTitle': 'Supervision',
  'a11y.supervision':
    'The Agency for Digital Government (Digg) supervises the act. If you are not satisfied with how we handle your feedback, you can report it to Digg.',
  'a11y.diggLink': 'Report to Digg (digg.se)',
};
