// No header search box on the search page: its own box, holding the query, is the page's one search box.
export default function NoHeaderSearch() {
  return null;
}
