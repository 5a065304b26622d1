"""Post-build: the built HTML compacted and typeset, the Pagefind search
index (search, assets/search-worker.js), robots.txt (postbuild)."""
