"""Reading a seed: bytes → lines (seed), the sidecar, page chrome out and
residue repaired (clean, residue, linebreaks), the title block or headline
(header), the body's headings (headings) and footer, assembled into a
Document (parse)."""
