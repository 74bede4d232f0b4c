import { NotInArchive } from '../../components/ui/not-in-archive';
import { useArchiveWithoutSearch } from '../../data/archive-api';
import { SearchResultsPage } from '../../features/search/search-results-page';
import { useQueryParam } from '../../features/search/use-query-param';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/search?q=…`: the full, shareable results page. */
export function SearchRoute() {
  return useArchiveWithoutSearch() ? <NotInArchive what="Search results" /> : <FolderSearchRoute />;
}

function FolderSearchRoute() {
  const { text, setText, urlQuery } = useQueryParam();
  const q = urlQuery.trim();
  useDocumentTitle(q ? `“${q}” · Search` : 'Search');
  return <SearchResultsPage text={text} onText={setText} />;
}
