import { useLocation } from '../../lib/router';
import { NotFound } from '../../components/ui/not-found';
import { useDocumentTitle } from '../../lib/use-document-title';

export function NotFoundRoute() {
  const location = useLocation();
  useDocumentTitle('Page not found');
  return <NotFound what="page" detail={location.pathname} />;
}
