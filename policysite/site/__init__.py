"""The site as a whole: every path and URL (addresses) and the ones pages
had before (redirects), how the archive is grouped (groups), and the facts
worked out once per build (context)."""
