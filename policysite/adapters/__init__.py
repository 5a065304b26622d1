"""How renderers run the pipeline: the live preview under `mkdocs serve`
(preview), Zensical (zensical), the Markdown extension for generated HTML
blocks (htmlblocks); the MkDocs hook is hooks/policysite_hook.py."""
