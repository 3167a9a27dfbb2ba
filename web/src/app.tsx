import { AdminPage } from './admin/AdminPage';
import { useAppState } from './context';
import { ClinicPage } from './directory/ClinicPage';
import { DirectoryPage } from './directory/DirectoryPage';
import { LoginPage } from './login/LoginPage';
import { AccessibilityPage } from './pages/AccessibilityPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { StartPage } from './pages/StartPage';
import { PatientPage } from './patient/PatientPage';
import { matchRoute, type Route } from './router';
import { StaffPage } from './staff/StaffPage';
import { AuditPage } from './audit/AuditPage';
import { AccessLogPage } from './patient/AccessLogPage';
import { Layout } from './ui/Layout';
import { MyCasesPage } from './patient/MyCasesPage';
import { NewCasePage } from './patient/NewCasePage';
import { PatientCasePage } from './patient/PatientCasePage';
import { InboxPage } from './inbox/InboxPage';
import { StaffCasePage } from './inbox/StaffCasePage';
import { UndocumentedPage } from './inbox/UndocumentedPage';
import { CataloguePage } from './catalogue/CataloguePage';
import { ReportPage } from './report/ReportPage';
import { MyAppointmentsPage } from './booking/MyAppointmentsPage';
import { BookAppointmentPage } from './booking/BookAppointmentPage';
import { CalendarPage } from './booking/CalendarPage';
import { SchedulePage } from './booking/SchedulePage';
import { NotificationsPage } from './notify/NotificationsPage';
import { OutboxPage } from './notify/OutboxPage';
import { StaffNoticesPage } from './notify/StaffNoticesPage';
import { MeetingPage } from './meetings/MeetingPage';
import { MeetingGuestPage } from './meetings/MeetingGuestPage';

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'directory':
      return <DirectoryPage />;
    case 'clinic':
      return <ClinicPage id={route.id} />;
    case 'patient':
      return <PatientPage />;
    case 'staff':
      return <StaffPage />;
    case 'patientLog':
      return <AccessLogPage />;
    case 'audit':
      return <AuditPage />;
    case 'patientCases':
      return <MyCasesPage />;
    case 'newCase':
      return <NewCasePage />;
    case 'patientCase':
      return <PatientCasePage id={route.id} />;
    case 'appointments':
      return <MyAppointmentsPage />;
    case 'bookAppointment':
      return <BookAppointmentPage />;
    case 'patientNotifications':
      return <NotificationsPage />;
    case 'staffNotifications':
      return <StaffNoticesPage />;
    case 'outbox':
      return <OutboxPage />;
    case 'calendar':
      return <CalendarPage />;
    case 'meeting':
      return <MeetingPage id={route.id} />;
    case 'meetingGuest':
      return <MeetingGuestPage />;
    case 'schedule':
      return <SchedulePage />;
    case 'inbox':
      return <InboxPage />;
    case 'staffCase':
      return <StaffCasePage id={route.id} />;
    case 'undocumented':
      return <UndocumentedPage />;
    case 'catalogue':
      return <CataloguePage />;
    case 'report':
      return <ReportPage />;
    case 'admin':
      return <AdminPage />;
    case 'login':
      return <LoginPage />;
    case 'accessibility':
      return <AccessibilityPage />;
    case 'notFound':
      return <NotFoundPage />;
  }
}

export function App() {
  const { location } = useAppState();
  const route = matchRoute(location.path);
  // Keyed by path: every new page mounts afresh (and its heading takes focus).
  return (
    <Layout route={route}>
      <Page key={location.path} route={route} />
    </Layout>
  );
}
