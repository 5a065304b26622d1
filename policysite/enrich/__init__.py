"""What the reports say, worked out from their text: slugs, tags and
relations (reports, tagkinds), figures and their roles and scopes (figures,
scopes), main targets across reports (compare), targets beside the next
year's results (delivery), terms new against the previous report (terms,
termwords)."""
